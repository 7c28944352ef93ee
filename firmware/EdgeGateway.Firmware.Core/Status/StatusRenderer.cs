using System.Text;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Shared.Wire;

namespace EdgeGateway.Firmware.Core.Status
{
    /// <summary>
    /// Renders a <see cref="StatusSnapshot"/> as the operators' status page (one self-contained HTML page: inline CSS,
    /// a small inline script that re-reads /status.json every 5 s and updates the numbers in place) and as JSON.
    /// Portable: the Linux server and the ESP32's nanoFramework.WebServer adapter serve the same bytes.
    ///
    /// Every text that comes from configuration or devices (names, ids, errors, limit sources) is escaped; numbers
    /// have fixed decimals; a missing number is "—" on the page and null in JSON. The page states pass/fail in words
    /// and symbols, not by colour alone.
    ///
    /// The script finds each live value by its data-k attribute (a path into the JSON, e.g.
    /// "equipment.0.efficiencyPercent") and formats it by data-f the same way as the server does. When the
    /// snapshot's shape changes (equipment or values added, a limit appears), the script reloads the page instead.
    /// After each successful refresh it sets body[data-refreshes] to the number of refreshes so far; when a refresh
    /// fails it adds the class "stale" to the body, which shows a "values are old" banner.
    /// </summary>
    public sealed class StatusRenderer
    {
        /// <summary>Path of the JSON endpoint the page polls (servers must route it).</summary>
        public const string JsonPath = "/status.json";

        /// <summary>How often the page re-reads the JSON, in milliseconds.</summary>
        public const int RefreshIntervalMs = 5000;

        private static readonly GatewayStatus EmptyGateway = new GatewayStatus();
        private static readonly UplinkStatus EmptyUplink = new UplinkStatus();
        private static readonly BusStatus EmptyBus = new BusStatus();
        private static readonly DeviceHealthStatus EmptyDevice = new DeviceHealthStatus();
        private static readonly EquipmentStatus EmptyEquipment = new EquipmentStatus();
        private static readonly MeasuredValue EmptyValue = new MeasuredValue();

        private const string Css =
            "*{box-sizing:border-box}"
            + "body{margin:0;font-family:\"Noto Sans CJK SC\",\"PingFang SC\",\"Microsoft YaHei\",\"Source Han Sans SC\",sans-serif;background:#eef1f5;color:#111827;font-size:16px;line-height:1.4}"
            + "header{background:#1f2937;color:#fff;padding:10px 16px;display:flex;flex-wrap:wrap;gap:4px 24px;align-items:baseline}"
            + "header h1{font-size:1.4em;margin:0 8px 0 0}header a{color:#bfdbfe}.lang{margin-left:auto}"
            + ".uplink{margin:12px;padding:10px 16px;border-radius:8px;border-left:10px solid #6b7280;background:#fff}"
            + ".uplink .line{font-size:1.25em;font-weight:700}.uplink .note{color:#374151;margin-top:4px}"
            + ".disconnected{border-color:#b91c1c;background:#fef2f2}.waitingToReconnect{border-color:#b45309;background:#fffbeb}"
            + ".connected{border-color:#15803d}.replaying{border-color:#1d4ed8;background:#eff6ff}"
            + "#stale{display:none;margin:12px;padding:8px 16px;background:#b91c1c;color:#fff;font-weight:700;border-radius:8px}"
            + "body.stale #stale{display:block}"
            + "main,.details{display:grid;grid-template-columns:repeat(auto-fill,minmax(360px,1fr));gap:12px;padding:0 12px 12px}"
            + ".card{background:#fff;border-radius:8px;padding:12px 16px;box-shadow:0 1px 3px rgba(0,0,0,.18);border-top:8px solid #6b7280}"
            + ".card.pass{border-top-color:#15803d}.card.fail{border-top-color:#b91c1c}.card.info{border-top-color:#1f2937}"
            + ".card h2{margin:0 0 6px;font-size:1.3em}.card h2 small{font-weight:400;color:#4b5563;margin-left:8px;font-size:.75em}"
            + ".kpi{display:flex;align-items:center;justify-content:space-between;gap:12px;flex-wrap:wrap}"
            + ".lbl{color:#4b5563}.eff{font-size:3.4em;font-weight:700;line-height:1.05;font-variant-numeric:tabular-nums}.eff small{font-size:.45em;margin-left:4px}"
            + ".badge{display:inline-block;padding:6px 16px;border-radius:8px;font-weight:700;font-size:1.5em;color:#fff;white-space:nowrap}"
            + ".badge.pass{background:#15803d}.badge.fail{background:#b91c1c}.badge.unknown{background:#4b5563}"
            + ".limit{font-size:1.1em;margin-top:6px}.limit b{font-variant-numeric:tabular-nums}.src{color:#4b5563;font-size:.85em;display:block}"
            + ".why{margin-top:6px;padding:4px 8px;background:#fef3c7;border-radius:4px}.why:empty,.verdict:empty{display:none}"
            + ".meta,.verdict{color:#374151;margin-top:4px;font-size:.95em}"
            + "table{border-collapse:collapse;width:100%;margin-top:8px}th,td{padding:5px 6px;border-bottom:1px solid #e5e7eb;text-align:left}"
            + "th{font-weight:600;color:#4b5563;font-size:.9em}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap;font-size:1.1em}"
            + ".q{display:inline-block;padding:1px 8px;border-radius:4px;white-space:nowrap}"
            + ".q-good{background:#dcfce7;color:#14532d}.q-info{background:#e0e7ff;color:#1e3a8a}"
            + ".q-warn{background:#fef3c7;color:#78350f;font-weight:700}.q-bad{background:#b91c1c;color:#fff;font-weight:700}"
            + ".on{color:#15803d;font-weight:700;white-space:nowrap}.off{color:#b91c1c;font-weight:700;white-space:nowrap}"
            + ".details td:first-child{white-space:nowrap}"
            + "footer{padding:4px 16px 16px;color:#4b5563}";

        // The page's whole client side: re-read the JSON every 5 s and rewrite the live values (see class summary).
        private const string ScriptBody =
            "var R=0;function g(o,p){var s=p.split('.');for(var i=0;i<s.length;i++){if(o===null||o===undefined)return null;o=o[s[i]];}return o===undefined?null:o;}"
            + "function c(n){n=String(n);return G?n.replace(/\\B(?=(\\d{3})+(?!\\d))/g,','):n;}"
            + "function up(s){if(s===null||s<0)return L.unk;var d=Math.floor(s/86400),h=Math.floor(s%86400/3600),m=Math.floor(s%3600/60),t='';"
            + "if(d>0)t+=d+' '+L.d+' ';if(d>0||h>0)t+=h+' '+L.h+' ';return t+m+' '+L.m;}"
            + "function sh(j){var t='e:';for(var i=0;i<j.equipment.length;i++){var e=j.equipment[i];t+=(i?',':'')+e.values.length+(e.limitPercent===null?'n':'');}"
            + "return t+';b:'+j.buses.length+';d:'+j.devices.length+';x:'+(j.uplink.droppedRecords>0?1:0)+';c:'+(j.uplink.lastConnectError?1:0);}"
            + "function f(e,v,k){if(k.charAt(0)==='n')return typeof v==='number'?v.toFixed(+k.substring(1)):'\\u2014';"
            + "switch(k){case 'i':return c(v);case 's':return v===null?'':String(v);"
            + "case 'p':e.className='badge '+v;e.closest('.card').className='card '+v;return L.p[v];"
            + "case 'q':e.className='q '+L.qc[v];return L.q[v];"
            + "case 'u':document.getElementById('uplink').className='uplink '+v;return L.u[v];"
            + "case 'st':return v?L.sy:L.sn;case 'o':e.className=v?'on':'off';return v?L.on:L.off;"
            + "case 'me':return v===null?L.unk:(L.me[v]||v);"
            + "case 't':return v===null?L.unk:v.substring(0,10)+' '+v.substring(11,19)+' UTC';"
            + "case 'up':return up(v);case 'm':return v===null||v<0?L.unk:c(Math.floor(v/1024))+' KB';}return String(v);}"
            + "function r(){fetch('" + JsonPath + "',{cache:'no-store'}).then(function(x){if(!x.ok)throw x.status;return x.json();}).then(function(j){"
            + "if(sh(j)!==document.body.getAttribute('data-shape')){location.reload();return;}"
            + "var n=document.querySelectorAll('[data-k]');for(var i=0;i<n.length;i++){var e=n[i],t=f(e,g(j,e.getAttribute('data-k')),e.getAttribute('data-f'));"
            + "if(e.textContent!==t)e.textContent=t;}document.body.classList.remove('stale');document.body.setAttribute('data-refreshes',++R);})"
            + ".catch(function(x){document.body.classList.add('stale');console.warn('status refresh failed: '+x);});}"
            + "setInterval(r,";

        private readonly StringBuilder buffer;

        /// <summary>A renderer with its own reusable buffer (pages are a few KB; the buffer keeps its capacity between requests).</summary>
        public StatusRenderer()
            : this(8192)
        {
        }

        public StatusRenderer(int initialCapacity)
        {
            buffer = new StringBuilder(initialCapacity < 256 ? 256 : initialCapacity);
        }

        /// <summary>The page as a string (thread-safe: requests share the buffer under a lock).</summary>
        public string RenderHtml(StatusSnapshot snapshot, StatusLanguage language)
        {
            lock (buffer)
            {
                buffer.Length = 0;
                WriteHtml(buffer, snapshot, language);
                return buffer.ToString();
            }
        }

        /// <summary>The JSON document as a string (thread-safe).</summary>
        public string RenderJson(StatusSnapshot snapshot)
        {
            lock (buffer)
            {
                buffer.Length = 0;
                WriteJson(buffer, snapshot);
                return buffer.ToString();
            }
        }

        /// <summary>
        /// The page language for a request: "?lang=zh" or "?lang=en" in the URL wins, else the preferred of zh/en in
        /// Accept-Language (by q-value; a tie goes to Chinese), else Chinese.
        /// </summary>
        /// <param name="rawUrl">path and query as received ("/?lang=en"); may be null</param>
        /// <param name="acceptLanguage">the Accept-Language header; may be null</param>
        public static StatusLanguage LanguageFor(string rawUrl, string acceptLanguage)
        {
            string requested = QueryValue(rawUrl, "lang");
            if (requested != null)
            {
                if (StartsWithIgnoreCase(requested, 0, "en"))
                {
                    return StatusLanguage.English;
                }

                if (StartsWithIgnoreCase(requested, 0, "zh"))
                {
                    return StatusLanguage.Chinese;
                }
            }

            return FromAcceptLanguage(acceptLanguage);
        }

        /// <summary>The preferred of Chinese and English in an Accept-Language header; Chinese when neither is listed.</summary>
        public static StatusLanguage FromAcceptLanguage(string header)
        {
            if (header == null)
            {
                return StatusLanguage.Chinese;
            }

            int bestZh = -1;
            int bestEn = -1;
            int start = 0;
            while (start < header.Length)
            {
                int end = header.IndexOf(',', start);
                if (end < 0)
                {
                    end = header.Length;
                }

                int tagStart = SkipSpaces(header, start, end);
                int weight = QualityPermille(header, tagStart, end);
                if (IsTag(header, tagStart, end, "zh"))
                {
                    bestZh = weight > bestZh ? weight : bestZh;
                }
                else if (IsTag(header, tagStart, end, "en"))
                {
                    bestEn = weight > bestEn ? weight : bestEn;
                }

                start = end + 1;
            }

            return bestEn > bestZh && bestEn > 0 ? StatusLanguage.English : StatusLanguage.Chinese;
        }

        /// <summary>
        /// The shape of a snapshot as the page's script computes it from the JSON: per equipment the number of values
        /// (and 'n' when it has no limit), the bus and device counts, and whether the dropped/error lines are shown.
        /// When it changes, the page reloads instead of patching numbers into a layout that no longer fits.
        /// </summary>
        public static string Shape(StatusSnapshot snapshot)
        {
            var sb = new StringBuilder(32);
            EquipmentStatus[] equipment = EquipmentOf(snapshot);
            sb.Append("e:");
            for (int i = 0; i < equipment.Length; i++)
            {
                EquipmentStatus e = equipment[i] ?? EmptyEquipment;
                if (i > 0)
                {
                    sb.Append(',');
                }

                sb.Append(ValuesOf(e).Length);
                if (!IsNumber(e.LimitPercent))
                {
                    sb.Append('n');
                }
            }

            UplinkStatus uplink = snapshot == null || snapshot.Uplink == null ? EmptyUplink : snapshot.Uplink;
            sb.Append(";b:").Append(BusesOf(snapshot).Length);
            sb.Append(";d:").Append(DevicesOf(snapshot).Length);
            sb.Append(";x:").Append(uplink.DroppedRecords > 0 ? 1 : 0);
            sb.Append(";c:").Append(IsEmpty(uplink.LastConnectError) ? 0 : 1);
            return sb.ToString();
        }

        /// <summary>Appends the whole page (UTF-8 text; serve as "text/html; charset=utf-8").</summary>
        public static void WriteHtml(StringBuilder sb, StatusSnapshot snapshot, StatusLanguage language)
        {
            GatewayStatus gateway = snapshot == null || snapshot.Gateway == null ? EmptyGateway : snapshot.Gateway;
            UplinkStatus uplink = snapshot == null || snapshot.Uplink == null ? EmptyUplink : snapshot.Uplink;
            EquipmentStatus[] equipment = EquipmentOf(snapshot);
            bool english = language == StatusLanguage.English;

            sb.Append("<!DOCTYPE html><html lang=\"").Append(english ? "en" : "zh-CN").Append("\"><head><meta charset=\"utf-8\">");
            // An empty inline icon: otherwise every browser asks for /favicon.ico, which a gateway does not serve.
            sb.Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><link rel=\"icon\" href=\"data:,\"><title>");
            sb.Append(T(StatusText.Title, language));
            if (!IsEmpty(gateway.SiteId))
            {
                sb.Append(" · ");
                StatusFormat.AppendHtml(sb, gateway.SiteId);
            }

            sb.Append("</title><style>").Append(Css).Append("</style></head><body data-lang=\"").Append(english ? "en" : "zh");
            sb.Append("\" data-shape=\"");
            StatusFormat.AppendHtml(sb, Shape(snapshot));
            sb.Append("\">");

            // Header: what this is, where, and the language switch.
            sb.Append("<header><h1>").Append(T(StatusText.Title, language)).Append("</h1>");
            AppendHeaderItem(sb, T(StatusText.Site, language), gateway.SiteId);
            AppendHeaderItem(sb, T(StatusText.Gateway, language), gateway.DeviceId);
            sb.Append("<span class=\"lang\"><a href=\"?lang=zh\" lang=\"zh-CN\">中文</a> | <a href=\"?lang=en\" lang=\"en\">English</a></span></header>");

            AppendUplink(sb, uplink, language);
            sb.Append("<div id=\"stale\" role=\"alert\">").Append(T(StatusText.Stale, language)).Append("</div>");

            sb.Append("<main>");
            if (equipment.Length == 0)
            {
                sb.Append("<section class=\"card\"><h2>").Append(T(StatusText.NoEquipment, language)).Append("</h2></section>");
            }

            for (int i = 0; i < equipment.Length; i++)
            {
                AppendEquipment(sb, equipment[i] ?? EmptyEquipment, i, language);
            }

            sb.Append("</main><div class=\"details\">");
            AppendDevices(sb, DevicesOf(snapshot), language);
            AppendBuses(sb, BusesOf(snapshot), language);
            AppendGateway(sb, gateway, uplink, language);
            sb.Append("</div><footer>").Append(T(StatusText.DataTime, language)).Append(": ");
            AppendLive(sb, "gateway.clockUtc", "t", Or(StatusFormat.ReadableUtc(gateway.ClockUtc), T(StatusText.Unknown, language)));
            sb.Append("</footer>");

            sb.Append("<script>(function(){var G=").Append(english ? '1' : '0').Append(",L=");
            AppendScriptLabels(sb, language);
            sb.Append(';').Append(ScriptBody).Append(RefreshIntervalMs).Append(");})();</script></body></html>");
        }

        /// <summary>
        /// Appends the snapshot as JSON (camelCase; enums as camelCase strings; NaN as null; the clock as ISO 8601
        /// UTC). Serve as "application/json; charset=utf-8".
        /// </summary>
        public static void WriteJson(StringBuilder sb, StatusSnapshot snapshot)
        {
            GatewayStatus gateway = snapshot == null || snapshot.Gateway == null ? EmptyGateway : snapshot.Gateway;
            UplinkStatus uplink = snapshot == null || snapshot.Uplink == null ? EmptyUplink : snapshot.Uplink;

            JsonText(sb, "{\"gateway\":{\"siteId\":", gateway.SiteId);
            JsonText(sb, ",\"deviceId\":", gateway.DeviceId);
            JsonText(sb, ",\"firmwareVersion\":", gateway.FirmwareVersion);
            JsonWhole(sb, ",\"uptimeS\":", gateway.UptimeS);
            JsonWhole(sb, ",\"freeMemoryBytes\":", gateway.FreeMemoryBytes);
            JsonText(sb, ",\"configHash\":", gateway.ConfigHash);
            JsonText(sb, ",\"clockUtc\":", StatusFormat.IsoUtc(gateway.ClockUtc));
            JsonWhole(sb, ",\"errorCount\":", gateway.ErrorCount);
            JsonText(sb, ",\"lastError\":", gateway.LastError);

            JsonCode(sb, "},\"uplink\":{\"state\":", UplinkCode(uplink.State));
            JsonText(sb, ",\"broker\":", uplink.Broker);
            JsonText(sb, ",\"lastConnectError\":", uplink.LastConnectError);
            JsonWhole(sb, ",\"backlogRecords\":", uplink.BacklogRecords);
            JsonWhole(sb, ",\"droppedRecords\":", uplink.DroppedRecords);
            JsonWhole(sb, ",\"publishedFrames\":", uplink.PublishedFrames);

            sb.Append("},\"buses\":[");
            BusStatus[] buses = BusesOf(snapshot);
            for (int i = 0; i < buses.Length; i++)
            {
                BusStatus b = buses[i] ?? EmptyBus;
                JsonText(sb, i == 0 ? "{\"id\":" : ",{\"id\":", b.Id);
                JsonWhole(sb, ",\"requests\":", b.Requests);
                JsonWhole(sb, ",\"timeouts\":", b.Timeouts);
                JsonWhole(sb, ",\"crcErrors\":", b.CrcErrors);
                JsonWhole(sb, ",\"exceptions\":", b.Exceptions);
                sb.Append('}');
            }

            sb.Append("],\"devices\":[");
            DeviceHealthStatus[] devices = DevicesOf(snapshot);
            for (int i = 0; i < devices.Length; i++)
            {
                DeviceHealthStatus d = devices[i] ?? EmptyDevice;
                JsonText(sb, i == 0 ? "{\"id\":" : ",{\"id\":", d.Id);
                JsonBool(sb, ",\"online\":", d.Online);
                JsonWhole(sb, ",\"consecutiveFailures\":", d.ConsecutiveFailures);
                JsonText(sb, ",\"lastError\":", d.LastError);
                sb.Append('}');
            }

            sb.Append("],\"equipment\":[");
            EquipmentStatus[] equipment = EquipmentOf(snapshot);
            for (int i = 0; i < equipment.Length; i++)
            {
                EquipmentStatus e = equipment[i] ?? EmptyEquipment;
                JsonText(sb, i == 0 ? "{\"id\":" : ",{\"id\":", e.Id);
                JsonCode(sb, ",\"kind\":", KindCode(e.Kind));
                JsonText(sb, ",\"displayName\":", e.DisplayName);
                JsonNumber(sb, ",\"efficiencyPercent\":", e.EfficiencyPercent);
                JsonText(sb, ",\"method\":", e.Method);
                JsonNumber(sb, ",\"limitPercent\":", e.LimitPercent);
                JsonText(sb, ",\"limitSource\":", e.LimitSource);
                JsonCode(sb, ",\"pass\":", PassCode(e.Pass));
                JsonText(sb, ",\"notComputableReason\":", e.NotComputableReason);
                JsonBool(sb, ",\"steady\":", e.Steady);
                JsonText(sb, ",\"verdict\":", e.Verdict);
                sb.Append(",\"values\":[");
                MeasuredValue[] values = ValuesOf(e);
                for (int v = 0; v < values.Length; v++)
                {
                    MeasuredValue m = values[v] ?? EmptyValue;
                    JsonText(sb, v == 0 ? "{\"measurement\":" : ",{\"measurement\":", m.Measurement);
                    JsonNumber(sb, ",\"value\":", m.Value);
                    JsonText(sb, ",\"unit\":", MeasurementLabels.UnitFor(m.Measurement, m.Unit));
                    JsonCode(sb, ",\"quality\":", QualityCode(m.Quality));
                    sb.Append('}');
                }

                sb.Append("]}");
            }

            sb.Append("]}");
        }

        // One JSON member each (name is the literal prefix up to the colon): the status document is written by these.
        private static void JsonText(StringBuilder sb, string name, string value)
        {
            sb.Append(name);
            StatusFormat.AppendJsonString(sb, value);
        }

        private static void JsonNumber(StringBuilder sb, string name, double value)
        {
            sb.Append(name);
            StatusFormat.AppendJsonNumber(sb, value);
        }

        private static void JsonWhole(StringBuilder sb, string name, long value)
        {
            sb.Append(name).Append(value);
        }

        private static void JsonBool(StringBuilder sb, string name, bool value)
        {
            sb.Append(name).Append(value ? "true" : "false");
        }

        /// <summary>A code of a fixed vocabulary (letters only): quoted without escaping.</summary>
        private static void JsonCode(StringBuilder sb, string name, string code)
        {
            sb.Append(name).Append('"').Append(code).Append('"');
        }

        /// <summary>JSON code of an uplink state ("disconnected", "waitingToReconnect", "connected", "replaying").</summary>
        public static string UplinkCode(UplinkState state)
        {
            switch (state)
            {
                case UplinkState.WaitingToReconnect: return "waitingToReconnect";
                case UplinkState.Connected: return "connected";
                case UplinkState.Replaying: return "replaying";
                default: return "disconnected";
            }
        }

        /// <summary>JSON code of a pass state ("pass", "fail", "unknown").</summary>
        public static string PassCode(PassState pass)
        {
            switch (pass)
            {
                case PassState.Pass: return "pass";
                case PassState.Fail: return "fail";
                default: return "unknown";
            }
        }

        /// <summary>JSON code of an equipment kind ("boiler", "motor", "transformer").</summary>
        public static string KindCode(EquipmentKind kind)
        {
            switch (kind)
            {
                case EquipmentKind.Motor: return "motor";
                case EquipmentKind.Transformer: return "transformer";
                default: return "boiler";
            }
        }

        /// <summary>JSON code of a point quality ("good", "stuck", "outOfRange", "missing", "communicationFault", "calculated", "notSteady").</summary>
        public static string QualityCode(PointQuality quality)
        {
            switch (quality)
            {
                case PointQuality.Good: return "good";
                case PointQuality.Stuck: return "stuck";
                case PointQuality.OutOfRange: return "outOfRange";
                case PointQuality.Missing: return "missing";
                case PointQuality.CommunicationFault: return "communicationFault";
                case PointQuality.Calculated: return "calculated";
                case PointQuality.NotSteady: return "notSteady";
                default: return "missing";
            }
        }

        private static string QualityClass(PointQuality quality)
        {
            switch (quality)
            {
                case PointQuality.Good: return "q-good";
                case PointQuality.Calculated: return "q-info";
                case PointQuality.NotSteady: return "q-warn";
                default: return "q-bad";
            }
        }

        private static void AppendUplink(StringBuilder sb, UplinkStatus uplink, StatusLanguage language)
        {
            bool english = language == StatusLanguage.English;
            sb.Append("<section id=\"uplink\" class=\"uplink ").Append(UplinkCode(uplink.State)).Append("\"><div class=\"line\">");
            sb.Append(T(StatusText.Uplink, language)).Append(": ");
            AppendLive(sb, "uplink.state", "u", StatusText.UplinkStateText(uplink.State, language));
            sb.Append(", ").Append(T(StatusText.Backlog, language)).Append(' ');
            AppendLive(sb, "uplink.backlogRecords", "i", StatusFormat.Count(uplink.BacklogRecords, english));
            sb.Append(' ').Append(T(StatusText.RecordsUnit, language));
            if (uplink.DroppedRecords > 0)
            {
                sb.Append(", ").Append(T(StatusText.Dropped, language)).Append(' ');
                AppendLive(sb, "uplink.droppedRecords", "i", StatusFormat.Count(uplink.DroppedRecords, english));
                sb.Append(' ').Append(T(StatusText.RecordsUnit, language));
            }

            sb.Append("</div><div class=\"note\">").Append(T(StatusText.UplinkDownNote, language)).Append("</div>");
            if (!IsEmpty(uplink.LastConnectError))
            {
                sb.Append("<div class=\"note\">").Append(T(StatusText.LastConnectError, language)).Append(": ");
                AppendLive(sb, "uplink.lastConnectError", "s", uplink.LastConnectError);
                sb.Append("</div>");
            }

            sb.Append("</section>");
        }

        private static void AppendEquipment(StringBuilder sb, EquipmentStatus e, int index, StatusLanguage language)
        {
            string prefix = "equipment." + index.ToString() + ".";
            string passCode = PassCode(e.Pass);
            sb.Append("<section class=\"card ").Append(passCode).Append("\" data-equipment=\"");
            StatusFormat.AppendHtml(sb, e.Id);
            sb.Append("\"><h2>");
            StatusFormat.AppendHtml(sb, IsEmpty(e.DisplayName) ? e.Id : e.DisplayName);
            sb.Append("<small>").Append(StatusText.Kind(e.Kind, language)).Append("</small></h2>");

            sb.Append("<div class=\"kpi\"><div><div class=\"lbl\">");
            sb.Append(T(e.Kind == EquipmentKind.Boiler ? StatusText.ThermalEfficiency : StatusText.Efficiency, language));
            sb.Append("</div><div class=\"eff\">");
            AppendLive(sb, prefix + "efficiencyPercent", "n1", StatusFormat.Fixed(e.EfficiencyPercent, 1));
            sb.Append("<small>%</small></div></div><div class=\"badge ").Append(passCode).Append("\" role=\"status\"");
            AppendLiveAttributes(sb, prefix + "pass", "p");
            sb.Append('>').Append(StatusText.Pass(e.Pass, language)).Append("</div></div>");

            sb.Append("<div class=\"limit\">").Append(T(StatusText.Limit, language)).Append(": ");
            if (IsNumber(e.LimitPercent))
            {
                sb.Append("≥ <b>");
                AppendLive(sb, prefix + "limitPercent", "n1", StatusFormat.Fixed(e.LimitPercent, 1));
                sb.Append(" %</b>");
            }
            else
            {
                sb.Append(T(StatusText.NoLimit, language));
            }

            AppendLiveText(sb, "<span class=\"src\"", prefix + "limitSource", e.LimitSource, "</span></div>");
            AppendLiveText(sb, "<div class=\"why\"", prefix + "notComputableReason", e.NotComputableReason, "</div>");

            sb.Append("<div class=\"meta\">").Append(T(StatusText.Method, language)).Append(": ");
            string method = StatusText.MethodText(e.Method, language);
            string methodShown = method != null ? method : (IsEmpty(e.Method) ? T(StatusText.Unknown, language) : e.Method);
            AppendLive(sb, prefix + "method", "me", methodShown);
            sb.Append(" · ").Append(T(StatusText.Operation, language)).Append(": ");
            AppendLive(sb, prefix + "steady", "st", T(e.Steady ? StatusText.SteadyYes : StatusText.SteadyNo, language));
            AppendLiveText(sb, "</div><div class=\"verdict\"", prefix + "verdict", e.Verdict, "</div>");

            MeasuredValue[] values = ValuesOf(e);
            if (values.Length > 0)
            {
                sb.Append("<table><thead><tr><th>").Append(T(StatusText.ColumnMeasurement, language));
                sb.Append("</th><th>").Append(T(StatusText.ColumnValue, language));
                sb.Append("</th><th>").Append(T(StatusText.ColumnSensor, language)).Append("</th></tr></thead><tbody>");
                for (int v = 0; v < values.Length; v++)
                {
                    MeasuredValue m = values[v] ?? EmptyValue;
                    string valuePrefix = prefix + "values." + v.ToString() + ".";
                    int decimals = MeasurementLabels.Decimals(m.Measurement);
                    string label = MeasurementLabels.Label(m.Measurement, language);
                    sb.Append("<tr data-measurement=\"");
                    StatusFormat.AppendHtml(sb, m.Measurement);
                    sb.Append("\"><td>");
                    StatusFormat.AppendHtml(sb, label != null ? label : m.Measurement);
                    sb.Append("</td><td class=\"n\">");
                    AppendLive(sb, valuePrefix + "value", NumberFormatCode(decimals), StatusFormat.Fixed(m.Value, decimals));
                    string unit = MeasurementLabels.UnitFor(m.Measurement, m.Unit);
                    if (unit.Length > 0 && unit != "1")
                    {
                        sb.Append(' ');
                        StatusFormat.AppendHtml(sb, unit);
                    }

                    sb.Append("</td><td><span class=\"q ").Append(QualityClass(m.Quality)).Append('"');
                    AppendLiveAttributes(sb, valuePrefix + "quality", "q");
                    sb.Append('>').Append(StatusText.Quality(m.Quality, language)).Append("</span></td></tr>");
                }

                sb.Append("</tbody></table>");
            }

            sb.Append("</section>");
        }

        private static void AppendDevices(StringBuilder sb, DeviceHealthStatus[] devices, StatusLanguage language)
        {
            if (devices.Length == 0)
            {
                return;
            }

            TableStart(sb, StatusText.Devices, StatusText.ColumnDevice, language);
            HeaderCell(sb, StatusText.ColumnState, language);
            HeaderCell(sb, StatusText.ColumnFailures, language);
            HeaderCell(sb, StatusText.ColumnLastError, language);
            sb.Append("</th></tr></thead><tbody>");
            for (int i = 0; i < devices.Length; i++)
            {
                DeviceHealthStatus d = devices[i] ?? EmptyDevice;
                string prefix = "devices." + i.ToString() + ".";
                sb.Append("<tr><td>");
                StatusFormat.AppendHtml(sb, d.Id);
                sb.Append("</td><td><span class=\"").Append(d.Online ? "on" : "off").Append('"');
                AppendLiveAttributes(sb, prefix + "online", "o");
                sb.Append('>').Append(T(d.Online ? StatusText.Online : StatusText.Offline, language)).Append("</span>");
                CountCell(sb, prefix, "consecutiveFailures", d.ConsecutiveFailures, language == StatusLanguage.English);
                sb.Append("</td><td>");
                AppendLive(sb, prefix + "lastError", "s", d.LastError);
                sb.Append("</td></tr>");
            }

            sb.Append("</tbody></table></section>");
        }

        private static void AppendBuses(StringBuilder sb, BusStatus[] buses, StatusLanguage language)
        {
            if (buses.Length == 0)
            {
                return;
            }

            bool english = language == StatusLanguage.English;
            TableStart(sb, StatusText.Buses, StatusText.ColumnBus, language);
            for (int column = StatusText.ColumnRequests; column <= StatusText.ColumnExceptions; column++)
            {
                HeaderCell(sb, column, language);
            }

            sb.Append("</th></tr></thead><tbody>");
            for (int i = 0; i < buses.Length; i++)
            {
                BusStatus b = buses[i] ?? EmptyBus;
                string prefix = "buses." + i.ToString() + ".";
                sb.Append("<tr><td>");
                StatusFormat.AppendHtml(sb, b.Id);
                CountCell(sb, prefix, "requests", b.Requests, english);
                CountCell(sb, prefix, "timeouts", b.Timeouts, english);
                CountCell(sb, prefix, "crcErrors", b.CrcErrors, english);
                CountCell(sb, prefix, "exceptions", b.Exceptions, english);
                sb.Append("</td></tr>");
            }

            sb.Append("</tbody></table></section>");
        }

        private static void AppendGateway(StringBuilder sb, GatewayStatus gateway, UplinkStatus uplink, StatusLanguage language)
        {
            sb.Append("<section class=\"card info\"><h2>").Append(T(StatusText.Gateway, language)).Append("</h2><table><tbody>");
            AppendRow(sb, T(StatusText.Site, language), "gateway.siteId", "s", gateway.SiteId);
            AppendRow(sb, T(StatusText.Gateway, language), "gateway.deviceId", "s", gateway.DeviceId);
            AppendRow(sb, T(StatusText.Firmware, language), "gateway.firmwareVersion", "s", gateway.FirmwareVersion);
            AppendRow(sb, T(StatusText.Uptime, language), "gateway.uptimeS", "up", StatusFormat.Uptime(gateway.UptimeS, language));
            AppendRow(sb, T(StatusText.FreeMemory, language), "gateway.freeMemoryBytes", "m", StatusFormat.Memory(gateway.FreeMemoryBytes, language));
            AppendRow(sb, T(StatusText.ConfigHash, language), "gateway.configHash", "s", gateway.ConfigHash);
            AppendRow(sb, T(StatusText.Broker, language), "uplink.broker", "s", uplink.Broker);
            AppendRow(sb, T(StatusText.Clock, language), "gateway.clockUtc", "t", Or(StatusFormat.ReadableUtc(gateway.ClockUtc), T(StatusText.Unknown, language)));
            if (gateway.ErrorCount > 0)
            {
                AppendRow(sb, T(StatusText.ColumnLastError, language), "gateway.lastError", "s", "(" + gateway.ErrorCount.ToString() + ") " + gateway.LastError);
            }

            sb.Append("</tbody></table></section>");
        }

        /// <summary>An info card with a table: its title, the table head's first column (the caller adds the others).</summary>
        private static void TableStart(StringBuilder sb, int title, int firstColumn, StatusLanguage language)
        {
            sb.Append("<section class=\"card info\"><h2>").Append(T(title, language)).Append("</h2><table><thead><tr><th>");
            sb.Append(T(firstColumn, language));
        }

        private static void HeaderCell(StringBuilder sb, int column, StatusLanguage language)
        {
            sb.Append("</th><th>").Append(T(column, language));
        }

        /// <summary>A right-aligned live counter cell (closes the cell before it).</summary>
        private static void CountCell(StringBuilder sb, string prefix, string key, long value, bool english)
        {
            sb.Append("</td><td class=\"n\">");
            AppendLive(sb, prefix + key, "i", StatusFormat.Count(value, english));
        }

        private static void AppendRow(StringBuilder sb, string label, string key, string format, string text)
        {
            sb.Append("<tr><th>").Append(label).Append("</th><td>");
            AppendLive(sb, key, format, text);
            sb.Append("</td></tr>");
        }

        private static void AppendHeaderItem(StringBuilder sb, string label, string value)
        {
            if (IsEmpty(value))
            {
                return;
            }

            sb.Append("<span>").Append(label).Append(": <b>");
            StatusFormat.AppendHtml(sb, value);
            sb.Append("</b></span>");
        }

        /// <summary>A span the script keeps up to date: data-k is the JSON path, data-f the format code; text is escaped.</summary>
        private static void AppendLive(StringBuilder sb, string key, string format, string text)
        {
            sb.Append("<span");
            AppendLiveAttributes(sb, key, format);
            sb.Append('>');
            StatusFormat.AppendHtml(sb, text);
            sb.Append("</span>");
        }

        /// <summary>An element (opened by <paramref name="open"/>, no '>') holding live escaped text, then <paramref name="close"/>.</summary>
        private static void AppendLiveText(StringBuilder sb, string open, string key, string text, string close)
        {
            sb.Append(open);
            AppendLiveAttributes(sb, key, "s");
            sb.Append('>');
            StatusFormat.AppendHtml(sb, text);
            sb.Append(close);
        }

        private static void AppendLiveAttributes(StringBuilder sb, string key, string format)
        {
            sb.Append(" data-k=\"").Append(key).Append("\" data-f=\"").Append(format).Append('"');
        }

        private static string NumberFormatCode(int decimals)
        {
            switch (decimals)
            {
                case 0: return "n0";
                case 1: return "n1";
                case 2: return "n2";
                case 3: return "n3";
                default: return "n4";
            }
        }

        /// <summary>The labels the script needs, in the page's language, as a JS object literal (JSON-escaped).</summary>
        private static void AppendScriptLabels(StringBuilder sb, StatusLanguage language)
        {
            AppendScriptLabel(sb, "{p:{pass:", StatusText.PassBadge, language);
            AppendScriptLabel(sb, ",fail:", StatusText.FailBadge, language);
            AppendScriptLabel(sb, ",unknown:", StatusText.UnknownBadge, language);
            sb.Append("},q:{");
            for (int q = 0; q <= (int)PointQuality.NotSteady; q++)
            {
                PointQuality quality = (PointQuality)q;
                if (q > 0)
                {
                    sb.Append(',');
                }

                sb.Append(QualityCode(quality)).Append(':');
                StatusFormat.AppendJsonString(sb, StatusText.Quality(quality, language));
            }

            sb.Append("},qc:{");
            for (int q = 0; q <= (int)PointQuality.NotSteady; q++)
            {
                PointQuality quality = (PointQuality)q;
                if (q > 0)
                {
                    sb.Append(',');
                }

                sb.Append(QualityCode(quality)).Append(":'").Append(QualityClass(quality)).Append('\'');
            }

            sb.Append("},u:{");
            for (int u = 0; u <= (int)UplinkState.Replaying; u++)
            {
                UplinkState state = (UplinkState)u;
                if (u > 0)
                {
                    sb.Append(',');
                }

                sb.Append(UplinkCode(state)).Append(':');
                StatusFormat.AppendJsonString(sb, StatusText.UplinkStateText(state, language));
            }

            AppendScriptLabel(sb, "},me:{direct:", StatusText.MethodDirect, language);
            AppendScriptLabel(sb, ",indirect:", StatusText.MethodIndirect, language);
            AppendScriptLabel(sb, ",nameplate:", StatusText.MethodNameplate, language);
            AppendScriptLabel(sb, "},sy:", StatusText.SteadyYes, language);
            AppendScriptLabel(sb, ",sn:", StatusText.SteadyNo, language);
            AppendScriptLabel(sb, ",on:", StatusText.Online, language);
            AppendScriptLabel(sb, ",off:", StatusText.Offline, language);
            AppendScriptLabel(sb, ",unk:", StatusText.Unknown, language);
            AppendScriptLabel(sb, ",d:", StatusText.UnitDays, language);
            AppendScriptLabel(sb, ",h:", StatusText.UnitHours, language);
            AppendScriptLabel(sb, ",m:", StatusText.UnitMinutes, language);
            sb.Append('}');
        }

        private static void AppendScriptLabel(StringBuilder sb, string prefix, int id, StatusLanguage language)
        {
            sb.Append(prefix);
            StatusFormat.AppendJsonString(sb, StatusText.Get(id, language));
        }

        private static string T(int id, StatusLanguage language)
        {
            return StatusText.Get(id, language);
        }

        private static string Or(string value, string fallback)
        {
            return value == null ? fallback : value;
        }

        private static bool IsEmpty(string value)
        {
            return value == null || value.Length == 0;
        }

        private static bool IsNumber(double value)
        {
            return !double.IsNaN(value) && !double.IsInfinity(value);
        }

        private static EquipmentStatus[] EquipmentOf(StatusSnapshot snapshot)
        {
            return snapshot == null || snapshot.Equipment == null ? new EquipmentStatus[0] : snapshot.Equipment;
        }

        private static BusStatus[] BusesOf(StatusSnapshot snapshot)
        {
            return snapshot == null || snapshot.Buses == null ? new BusStatus[0] : snapshot.Buses;
        }

        private static DeviceHealthStatus[] DevicesOf(StatusSnapshot snapshot)
        {
            return snapshot == null || snapshot.Devices == null ? new DeviceHealthStatus[0] : snapshot.Devices;
        }

        private static MeasuredValue[] ValuesOf(EquipmentStatus e)
        {
            return e.Values == null ? new MeasuredValue[0] : e.Values;
        }

        private static string QueryValue(string rawUrl, string name)
        {
            if (rawUrl == null)
            {
                return null;
            }

            int q = rawUrl.IndexOf('?');
            if (q < 0)
            {
                return null;
            }

            int start = q + 1;
            while (start < rawUrl.Length)
            {
                int end = rawUrl.IndexOf('&', start);
                if (end < 0)
                {
                    end = rawUrl.Length;
                }

                int eq = rawUrl.IndexOf('=', start);
                if (eq > start && eq < end && eq - start == name.Length && StartsWithIgnoreCase(rawUrl, start, name))
                {
                    return rawUrl.Substring(eq + 1, end - eq - 1);
                }

                start = end + 1;
            }

            return null;
        }

        private static int SkipSpaces(string text, int start, int end)
        {
            while (start < end && (text[start] == ' ' || text[start] == '\t'))
            {
                start++;
            }

            return start;
        }

        /// <summary>True when the language range at [start, end) is the primary tag (e.g. "zh", "zh-CN", "zh-Hans;q=0.8").</summary>
        private static bool IsTag(string text, int start, int end, string primary)
        {
            if (end - start < primary.Length || !StartsWithIgnoreCase(text, start, primary))
            {
                return false;
            }

            int after = start + primary.Length;
            if (after == end)
            {
                return true;
            }

            char c = text[after];
            return c == '-' || c == ';' || c == ' ' || c == '\t';
        }

        /// <summary>The q-value of one Accept-Language entry in thousandths (1000 when absent; 0 for q=0, "not acceptable").</summary>
        private static int QualityPermille(string text, int start, int end)
        {
            int semicolon = text.IndexOf(';', start);
            if (semicolon < 0 || semicolon >= end)
            {
                return 1000;
            }

            int i = SkipSpaces(text, semicolon + 1, end);
            if (i + 1 >= end || (text[i] != 'q' && text[i] != 'Q') || text[i + 1] != '=')
            {
                return 1000;
            }

            i += 2;
            int whole = 0;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                whole = whole * 10 + (text[i] - '0');
                i++;
            }

            int permille = 0;
            int scale = 100;
            if (i < end && text[i] == '.')
            {
                i++;
                while (i < end && text[i] >= '0' && text[i] <= '9')
                {
                    permille += (text[i] - '0') * scale;
                    scale /= 10;
                    i++;
                }
            }

            int result = whole * 1000 + permille;
            return result > 1000 ? 1000 : result;
        }

        private static bool StartsWithIgnoreCase(string text, int start, string prefix)
        {
            if (text.Length - start < prefix.Length)
            {
                return false;
            }

            for (int i = 0; i < prefix.Length; i++)
            {
                char a = text[start + i];
                char b = prefix[i];
                if (a >= 'A' && a <= 'Z')
                {
                    a = (char)(a + 32);
                }

                if (a != b)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
