using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using EdgeGateway.Firmware.Core.Status;
using EdgeGateway.Firmware.Core.Uplink;
using EdgeGateway.Firmware.Linux.Status;
using EdgeGateway.Gateway.Tests.Status;
using EdgeGateway.Shared.Wire;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EdgeGateway.Browser.Tests.Status;

/// <summary>
/// The operators' status page served by the Linux server and read in real headless Chromium: what an operator sees
/// in Chinese and English, that the page follows a changing snapshot by itself, and that it says so when the gateway
/// stops answering.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class StatusPageBrowserTests : IAsyncLifetime
{
    // The page re-reads /status.json every 5 s; waits allow a few refresh cycles on a loaded CI machine.
    private static readonly LocatorAssertionsToHaveTextOptions RefreshWait = new() { Timeout = 30_000 };
    private static readonly LocatorAssertionsToBeVisibleOptions RefreshVisible = new() { Timeout = 30_000 };

    private readonly ChromiumFixture chromium;
    private readonly ITestOutputHelper output;
    private StatusSnapshot current = StatusSamples.BoilerRoom();
    private StatusHttpServer server = null!;
    private IPage page = null!;
    private readonly ConcurrentQueue<string> pageErrors = new();

    public StatusPageBrowserTests(ChromiumFixture chromium, ITestOutputHelper output)
    {
        this.chromium = chromium;
        this.output = output;
    }

    public async Task InitializeAsync()
    {
        server = new StatusHttpServer(() => Volatile.Read(ref current), new StatusHttpServerOptions { BindAddress = "127.0.0.1", Port = 0 });
        server.Start();
        page = await chromium.Context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" || m.Type == "warning")
            {
                pageErrors.Enqueue("console: " + m.Text);
            }
        };
        page.PageError += (_, e) => pageErrors.Enqueue("page error: " + e);
        page.Dialog += (_, d) =>
        {
            pageErrors.Enqueue("dialog: " + d.Message);
            _ = d.DismissAsync();
        };
    }

    public async Task DisposeAsync()
    {
        await page.CloseAsync();
        await server.DisposeAsync();
    }

    private string Url(string pathAndQuery) => new Uri(server.BaseAddress, pathAndQuery).ToString();

    private ILocator Card(string equipmentId) => page.Locator("section[data-equipment='" + equipmentId + "']");

    private async Task OpenAsync(string pathAndQuery, string acceptLanguage)
    {
        await page.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Accept-Language"] = acceptLanguage });
        IResponse? response = await page.GotoAsync(Url(pathAndQuery));
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task Chinese_page_shows_efficiency_limit_badges_and_sensor_health()
    {
        await OpenAsync("/", "zh-CN,zh;q=0.9");

        Assert.StartsWith("网关状态", await page.TitleAsync(), StringComparison.Ordinal);
        ILocator boiler1 = Card(StatusSamples.PassingBoilerId);
        await Expect(boiler1.Locator("h2")).ToContainTextAsync("1号燃气蒸汽锅炉");
        await Expect(boiler1.Locator(".lbl")).ToHaveTextAsync("热效率");
        await Expect(boiler1.Locator(".eff")).ToHaveTextAsync("91.3%");
        await Expect(boiler1.Locator(".limit")).ToContainTextAsync("限值: ≥ 90.0 %");
        await Expect(boiler1.Locator(".limit .src")).ToHaveTextAsync("GB 24500-2020 表4, grade 3 [3P]");
        await Expect(boiler1.Locator(".badge")).ToHaveTextAsync("✔ 合格");
        await Expect(boiler1.Locator(".badge")).ToBeVisibleAsync();
        await Expect(Card(StatusSamples.FailingBoilerId).Locator(".badge")).ToHaveTextAsync("✘ 不合格");
        await Expect(Card(StatusSamples.MotorId).Locator(".badge")).ToHaveTextAsync("? 无法判定");
        await Expect(Card(StatusSamples.MotorId).Locator(".eff")).ToHaveTextAsync("—%");

        ILocator flueRow = boiler1.Locator("tr[data-measurement='flueGasTemperatureC']");
        await Expect(flueRow.Locator("td").Nth(0)).ToHaveTextAsync("排烟温度");
        await Expect(flueRow.Locator("td").Nth(1)).ToHaveTextAsync("132.7 °C");
        await Expect(flueRow.Locator(".q")).ToHaveTextAsync("传感器卡滞");
        await Expect(boiler1.Locator("tr[data-measurement='steamFlowTph'] .q")).ToHaveTextAsync("正常");
        await Expect(Card(StatusSamples.FailingBoilerId).Locator("tr[data-measurement='flueGasO2PercentDry'] .q")).ToHaveTextAsync("超出量程");
        await Expect(Card(StatusSamples.FailingBoilerId).Locator("tr[data-measurement='flueGasCoPpm'] .q")).ToHaveTextAsync("数据缺失");

        await Expect(page.Locator("#uplink .line")).ToHaveTextAsync("上行链路: 已断开, 积压 1234 条");
        await Expect(page.Locator("#uplink")).ToContainTextAsync("网关继续测量并在本地保存全部数据");
        await Expect(page.Locator("#stale")).ToBeHiddenAsync();

        // Pass and fail differ in colour as well as in words.
        string passColour = await Card(StatusSamples.PassingBoilerId).Locator(".badge").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        string failColour = await Card(StatusSamples.FailingBoilerId).Locator(".badge").EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        Assert.NotEqual(passColour, failColour);
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task English_page_via_query_shows_english_texts()
    {
        await OpenAsync("/?lang=en", "zh-CN");

        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        ILocator boiler1 = Card(StatusSamples.PassingBoilerId);
        await Expect(boiler1.Locator(".lbl")).ToHaveTextAsync("Thermal efficiency");
        await Expect(boiler1.Locator(".eff")).ToHaveTextAsync("91.3%");
        await Expect(boiler1.Locator(".badge")).ToHaveTextAsync("✔ PASS");
        await Expect(Card(StatusSamples.FailingBoilerId).Locator(".badge")).ToHaveTextAsync("✘ FAIL");
        await Expect(boiler1.Locator("tr[data-measurement='flueGasTemperatureC'] .q")).ToHaveTextAsync("Sensor stuck");
        await Expect(boiler1.Locator("tr[data-measurement='steamFlowTph'] td").Nth(0)).ToHaveTextAsync("Steam flow");
        await Expect(page.Locator("#uplink .line")).ToHaveTextAsync("Uplink: disconnected, backlog 1,234 records");
        await Expect(page.Locator("#uplink")).ToContainTextAsync("keeps measuring");
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task The_page_follows_a_changed_snapshot_without_reloading()
    {
        await OpenAsync("/", "zh-CN");
        ILocator boiler1 = Card(StatusSamples.PassingBoilerId);
        await Expect(boiler1.Locator(".eff")).ToHaveTextAsync("91.3%");
        await page.EvaluateAsync("() => { window.egwMarker = 'same document'; }");

        StatusSnapshot next = StatusSamples.BoilerRoom();
        next.Equipment[0].EfficiencyPercent = 87.64;
        next.Equipment[0].Pass = PassState.Fail;
        next.Equipment[0].Values[3].Quality = PointQuality.Good; // the flue thermometer was fixed
        next.Equipment[0].Values[3].Value = 140.25;
        next.Uplink.State = UplinkState.Replaying;
        next.Uplink.BacklogRecords = 1300;
        next.Devices[1].Online = true;
        Volatile.Write(ref current, next);

        // Playwright polls the DOM until the page's own 5 s refresh has rewritten it.
        await Expect(boiler1.Locator(".eff")).ToHaveTextAsync("87.6%", RefreshWait);
        await Expect(boiler1.Locator(".badge")).ToHaveTextAsync("✘ 不合格");
        await Expect(boiler1).ToHaveClassAsync("card fail");
        await Expect(boiler1.Locator("tr[data-measurement='flueGasTemperatureC'] .q")).ToHaveTextAsync("正常");
        await Expect(boiler1.Locator("tr[data-measurement='flueGasTemperatureC'] td").Nth(1)).ToHaveTextAsync("140.3 °C");
        await Expect(page.Locator("#uplink .line")).ToHaveTextAsync("上行链路: 正在补传, 积压 1300 条");
        await Expect(page.Locator("#uplink")).ToHaveClassAsync("uplink replaying");

        // The numbers were patched into the same document: the script's shape matched the server's.
        Assert.Equal("same document", await page.EvaluateAsync<string>("() => window.egwMarker"));
        Assert.Empty(pageErrors);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("en")]
    public async Task The_script_formats_every_live_value_exactly_as_the_server_did(string language)
    {
        // Uptime, memory, grouped counts, dates, decimals, badges: a refresh with an unchanged snapshot must not
        // change a single character, or the page would flicker between two spellings every 5 s.
        await OpenAsync("/?lang=" + language, language);
        IReadOnlyList<string> before = await page.Locator("[data-k]").AllTextContentsAsync();
        Assert.True(before.Count > 40, "only " + before.Count + " live values on the page");

        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-refreshes", "1", new() { Timeout = 30_000 });
        IReadOnlyList<string> after = await page.Locator("[data-k]").AllTextContentsAsync();
        Assert.Equal(before, after);
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task A_new_equipment_makes_the_page_reload_and_show_it()
    {
        await OpenAsync("/?lang=en", "en");
        await Expect(page.Locator("section[data-equipment]")).ToHaveCountAsync(3);

        StatusSnapshot next = StatusSamples.BoilerRoom();
        next.Equipment = [.. next.Equipment, new EquipmentStatus
        {
            Id = "boiler-3",
            Kind = EquipmentKind.Boiler,
            DisplayName = "Boiler 3",
            EfficiencyPercent = 89.95,
            LimitPercent = 88,
            Pass = PassState.Pass,
            Values = [new MeasuredValue { Measurement = "steamFlowTph", Value = 2.5, Quality = PointQuality.Good }],
        }];
        Volatile.Write(ref current, next);

        await Expect(Card("boiler-3")).ToBeVisibleAsync(RefreshVisible);
        await Expect(Card("boiler-3").Locator(".eff")).ToHaveTextAsync("90.0%"); // 89.95 to one decimal (binary 89.95 is just above)
        Assert.Empty(pageErrors);
    }

    [Fact]
    public async Task When_the_gateway_stops_answering_the_page_says_its_values_are_old()
    {
        await OpenAsync("/", "zh-CN");
        await Expect(page.Locator("#stale")).ToBeHiddenAsync();
        await server.StopAsync();

        await Expect(page.Locator("#stale")).ToBeVisibleAsync(RefreshVisible);
        await Expect(page.Locator("#stale")).ToHaveTextAsync("无法连接网关，显示的是旧数据");
        // The last values stay on screen.
        await Expect(Card(StatusSamples.PassingBoilerId).Locator(".eff")).ToHaveTextAsync("91.3%");
    }

    [Fact]
    public async Task A_malicious_equipment_name_is_displayed_not_executed()
    {
        const string name = "<img src=x onerror=\"window.egwPwned=1\"><script>window.egwPwned=2</script>";
        Volatile.Write(ref current, StatusSamples.WithMaliciousName(name, "evil\"id"));
        await OpenAsync("/", "zh-CN");

        await Expect(page.Locator("section[data-equipment='evil\"id'] h2")).ToContainTextAsync(name);
        Assert.Equal(0, await page.Locator("main img").CountAsync());
        Assert.True(await page.EvaluateAsync<bool>("() => window.egwPwned === undefined"));
        Assert.Empty(pageErrors);
    }

    [Theory]
    [InlineData("zh", 1280, 900)]
    [InlineData("en", 1280, 900)]
    [InlineData("zh", 390, 844)] // a phone in the boiler room
    public async Task A_screenshot_is_a_non_empty_png(string language, int width, int height)
    {
        await page.SetViewportSizeAsync(width, height);
        await OpenAsync("/?lang=" + language, language);
        await Expect(Card(StatusSamples.PassingBoilerId).Locator(".badge")).ToBeVisibleAsync();

        string directory = Path.Combine(Path.GetTempPath(), "egw-status-screenshots");
        Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "status-" + language + "-" + width + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
        output.WriteLine("screenshot: " + file);

        byte[] png = await File.ReadAllBytesAsync(file);
        Assert.True(png.Length > 10_000, "screenshot is only " + png.Length + " bytes");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR width (bytes 16-19, big-endian) is the viewport width: a real render, not an empty placeholder.
        int pngWidth = (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
        Assert.Equal(width, pngWidth);
        Assert.Empty(pageErrors);
    }
}
