using System;
using EdgeGateway.Cli.Infrastructure;

namespace EdgeGateway.Cli.Commands;

/// <summary>The usage text: every command with its options and units.</summary>
public static class Usage
{
    public static string Text
    {
        get
        {
            bool modbus = Contains(Program.AvailableCommands(), "modbus");
            bool sim = Contains(Program.AvailableCommands(), "sim");
            return
"""
egw - EdgeGateway command line for technicians and inspectors

Usage: egw <command> [options]        (numbers use a decimal point: 1.25)

Calculations (add --json for machine-readable output, camelCase fields):
  egw calc steam --pressure-mpa-abs P --temperature-c T [--json]
      Water/steam properties, IAPWS-IF97 regions 1 (liquid) and 2 (vapour): specific enthalpy kJ/kg,
      entropy kJ/(kg·K), volume m3/kg, isobaric heat capacity kJ/(kg·K).
      P = absolute pressure in MPa (gauge reading + 0.101325); T in °C.
  egw calc saturation (--pressure-mpa-abs P | --temperature-c T) [--json]
      Saturation line, IAPWS-IF97 region 4: saturation pressure MPa(abs) / temperature °C,
      saturated liquid and vapour enthalpy kJ/kg, latent heat kJ/kg. Give exactly one of the two options.
  egw calc boiler --input case.json [--json]          (--input - reads the case from stdin)
      Boiler thermal efficiency % by the direct or indirect method, heat losses q2..q6 % (indirect),
      verdicts against GB 24500-2020 (grade 1/2/3) and the 2020 plan's 80 % coal / 92 % gas targets.
      The case file's fields and units are documented in CALC.md next to the egw sources.
  egw calc motor --rated-kw P --poles 2|4|6|8 --efficiency-percent E [--efficiency-basis rated|measured] [--json]
      GB 18613-2020 grade of a three-phase induction motor: grade 1/2/3 = IE5/IE4/IE3;
      below grade 3 the motor is obsolete and must be replaced. P = rated output kW, E = efficiency %
      (default basis: rated = nameplate; a measured field efficiency is judged as an indicator only).
  egw calc transformer --kind oil|dry --core silicon-steel|amorphous --rated-kva S
                       --no-load-loss-kw P0 --load-loss-kw Pk [--insulation-class B|F|H]
                       [--voltage-kv 10] [--load-factor BETA --power-factor COSPHI] [--json]
      GB 20052 grade 1/2/3 of a 10 kV distribution transformer from nameplate losses (kW), high-loss flag
      (a loss above grade 3), efficiency % at load factor BETA (0..1+) and power factor COSPHI, optimal load factor.
      --insulation-class is for dry-type units (default F).

""" +
(modbus ? "Devices:\n  egw modbus ...   Modbus tools; see egw modbus --help\n" : "Devices:\n  egw modbus ...   (not available in this build)\n") +
(sim ? "  egw sim ...      device simulators; egw sim --help\n" : "  egw sim ...      (not available in this build)\n") +
"  egw config validate|resolve FILE   check a gateway.json; inline its profileRefs for an ESP32; egw config --help\n" +
"\nGateway:\n" +
"  egw gateway run --config gateway.json [--state-dir DIR] [--status-port P]   poll, compute, store and forward; status page\n" +
"  egw gateway validate --config gateway.json   alias of egw config validate gateway.json (OK + hash, or every error)\n" +
"  egw demo [--duration-s N]   simulators + embedded MQTT broker + gateway + status page on 127.0.0.1 (what ./run.sh runs)\n" +
"""

Other:
  egw help | egw --help    this text

Exit codes: 0 ok; 2 bad input; 1 the device, line or machine failed, or an internal error (EGW_DEBUG=1 for details).
Every error is one line on stderr: "error: <field> = <value>: <what to do>", the field as you typed it
(--option, FILE, or the path inside a JSON file).

""";
        }
    }

    public static int Help(string[] args, Console2 console)
    {
        ArgumentNullException.ThrowIfNull(console);
        console.Out.Write(Text);
        return Program.ExitOk;
    }

    private static bool Contains(System.Collections.Generic.IReadOnlyList<string> names, string name)
    {
        foreach (string n in names)
        {
            if (n == name)
            {
                return true;
            }
        }

        return false;
    }
}
