using System;
using EdgeGateway.Shared.Errors;

namespace EdgeGateway.Shared.Steam
{
    /// <summary>
    /// Water and steam properties per IAPWS-IF97 (IAPWS R7-97(2012), "Revised Release on the IAPWS Industrial
    /// Formulation 1997 for the Thermodynamic Properties of Water and Steam") for the parts an industrial boiler needs:
    /// region 1 (compressed liquid: feedwater, blowdown), region 2 (superheated and saturated steam) and the
    /// saturation line (region 4). Pressures are absolute MPa, temperatures kelvin; front ends convert gauge pressure
    /// and °C (see Units/Pressure.cs). Region 3 (near-critical, above 623.15 K and the B23 line) and region 5
    /// (above 1073.15 K) are not implemented: states there throw <see cref="InputException"/> rather than being
    /// extrapolated with a neighbouring region's equation.
    /// All methods are allocation-free except on the error path and the allocating
    /// <see cref="AtPressureTemperature(double, double)"/>; nothing is cached, so they are thread-safe.
    /// </summary>
    public static class If97
    {
        /// <summary>Lowest temperature of IF97, K (0 °C; IF97 does not cover ice).</summary>
        public const double MinTemperatureK = 273.15;

        /// <summary>Upper temperature of regions 1/3 boundary (350 °C), K.</summary>
        public const double Region1MaxTemperatureK = 623.15;

        /// <summary>Upper temperature of region 2 (800 °C), K; region 5 above is not implemented.</summary>
        public const double Region2MaxTemperatureK = 1073.15;

        /// <summary>Upper temperature of region 5, K (used only to tell region 5 from "outside IF97").</summary>
        public const double Region5MaxTemperatureK = 2273.15;

        /// <summary>Upper pressure of regions 1–3, MPa.</summary>
        public const double MaxPressureMpa = 100.0;

        /// <summary>Upper pressure of region 5, MPa.</summary>
        public const double Region5MaxPressureMpa = 50.0;

        /// <summary>Critical temperature, K (IAPWS R7-97, eq. 3).</summary>
        public const double CriticalTemperatureK = 647.096;

        /// <summary>Critical pressure, MPa (IAPWS R7-97, eq. 4).</summary>
        public const double CriticalPressureMpa = 22.064;

        /// <summary>Upper temperature of the B23 line, K (where p_B23 = 100 MPa).</summary>
        public const double B23MaxTemperatureK = 863.15;

        /// <summary>Saturation pressure at 273.15 K, MPa (611.213 Pa): the low end of the saturation line.</summary>
        public static readonly double MinSaturationPressureMpa = If97Region4.SaturationPressureMpa(MinTemperatureK);

        /// <summary>
        /// Saturation pressure at 623.15 K, MPa (16.5292 MPa). Above it the saturated states lie in region 3, so the
        /// saturated enthalpies and the latent heat stop here.
        /// </summary>
        public static readonly double Region1SaturationLimitMpa = If97Region4.SaturationPressureMpa(Region1MaxTemperatureK);

        /// <summary>B23 pressure at 623.15 K, MPa (16.5291643 MPa): the low end of the B23 line.</summary>
        public static readonly double B23MinPressureMpa = If97Region4.B23PressureMpa(Region1MaxTemperatureK);

        private const string PressureField = "pressureMpaAbs";
        private const string TemperatureField = "temperatureK";

        /// <summary>
        /// Properties at (p, T) from region 1 or 2, whichever IF97 assigns. Throws <see cref="InputException"/>
        /// outside regions 1 and 2.
        /// </summary>
        public static SteamState AtPressureTemperature(double pressureMpaAbs, double temperatureK)
        {
            SteamState result = new SteamState();
            AtPressureTemperature(pressureMpaAbs, temperatureK, result);
            return result;
        }

        /// <summary>Allocation-free form of <see cref="AtPressureTemperature(double, double)"/>: refills <paramref name="result"/>.</summary>
        public static void AtPressureTemperature(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            RequireResult(result);
            int region = CheckedRegion(pressureMpaAbs, temperatureK);
            if (region == 1)
            {
                If97Region1.Compute(pressureMpaAbs, temperatureK, result);
            }
            else
            {
                If97Region2.Compute(pressureMpaAbs, temperatureK, result);
            }

            result.Region = region;
        }

        /// <summary>Specific enthalpy at (p, T), kJ/kg, region 1 or 2; same checks as <see cref="AtPressureTemperature(double, double)"/>.</summary>
        public static double EnthalpyKjPerKg(double pressureMpaAbs, double temperatureK)
        {
            int region = CheckedRegion(pressureMpaAbs, temperatureK);
            return region == 1
                ? If97Region1.Enthalpy(pressureMpaAbs, temperatureK)
                : If97Region2.Enthalpy(pressureMpaAbs, temperatureK);
        }

        /// <summary>
        /// The raw region 1 equations (for verification tables and callers that already know the region). Only
        /// argument sanity is checked (finite, positive p and T); the caller owns the validity range.
        /// </summary>
        public static void Region1(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            CheckSane(pressureMpaAbs, temperatureK, result);
            If97Region1.Compute(pressureMpaAbs, temperatureK, result);
            result.Region = 1;
        }

        /// <summary>The raw region 2 equations; see <see cref="Region1"/>.</summary>
        public static void Region2(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            CheckSane(pressureMpaAbs, temperatureK, result);
            If97Region2.Compute(pressureMpaAbs, temperatureK, result);
            result.Region = 2;
        }

        /// <summary>
        /// IF97 region of (p, T) per IAPWS R7-97 Fig. 1: 1, 2, 3 or 5, or 0 outside IF97 (or not a number). States
        /// exactly on the saturation line count as region 1 (liquid); exactly on B23 as region 2. Never throws.
        /// </summary>
        public static int RegionOf(double pressureMpaAbs, double temperatureK)
        {
            // Written so that NaN fails every comparison and lands on 0.
            if (!(pressureMpaAbs > 0.0) || !(temperatureK >= MinTemperatureK) || !(pressureMpaAbs <= MaxPressureMpa))
            {
                return 0;
            }

            if (temperatureK > Region2MaxTemperatureK)
            {
                return temperatureK <= Region5MaxTemperatureK && pressureMpaAbs <= Region5MaxPressureMpa ? 5 : 0;
            }

            if (temperatureK <= Region1MaxTemperatureK)
            {
                return pressureMpaAbs >= If97Region4.SaturationPressureMpa(temperatureK) ? 1 : 2;
            }

            return pressureMpaAbs <= If97Region4.B23PressureMpa(temperatureK) ? 2 : 3;
        }

        /// <summary>Saturation pressure p_s(T), MPa, for 273.15 K ≤ T ≤ 647.096 K (eq. 30).</summary>
        public static double SaturationPressureMpa(double temperatureK)
        {
            if (!(temperatureK >= MinTemperatureK && temperatureK <= CriticalTemperatureK))
            {
                throw new InputException(TemperatureField, InputException.Format(temperatureK),
                    "the saturation line runs from 273.15 K to the critical point 647.096 K (0 to 373.946 °C)");
            }

            return If97Region4.SaturationPressureMpa(temperatureK);
        }

        /// <summary>Saturation temperature T_s(p), K, for 611.213 Pa ≤ p ≤ 22.064 MPa absolute (eq. 31).</summary>
        public static double SaturationTemperatureK(double pressureMpaAbs)
        {
            CheckSaturationPressure(pressureMpaAbs, CriticalPressureMpa,
                "the saturation line runs from 0.000611213 MPa (611.213 Pa) to the critical pressure 22.064 MPa, absolute");
            return If97Region4.SaturationTemperatureK(pressureMpaAbs);
        }

        /// <summary>Pressure on the region 2–3 boundary B23 (eq. 5), MPa, for 623.15 K ≤ T ≤ 863.15 K.</summary>
        public static double B23PressureMpa(double temperatureK)
        {
            if (!(temperatureK >= Region1MaxTemperatureK && temperatureK <= B23MaxTemperatureK))
            {
                throw new InputException(TemperatureField, InputException.Format(temperatureK),
                    "the B23 boundary is defined from 623.15 K to 863.15 K");
            }

            return If97Region4.B23PressureMpa(temperatureK);
        }

        /// <summary>Temperature on the region 2–3 boundary B23 (eq. 6), K, for 16.5292 MPa ≤ p ≤ 100 MPa.</summary>
        public static double B23TemperatureK(double pressureMpaAbs)
        {
            if (!(pressureMpaAbs >= B23MinPressureMpa && pressureMpaAbs <= MaxPressureMpa))
            {
                throw new InputException(PressureField, InputException.Format(pressureMpaAbs),
                    "the B23 boundary is defined from 16.5291643 MPa to 100 MPa, absolute");
            }

            return If97Region4.B23TemperatureK(pressureMpaAbs);
        }

        /// <summary>
        /// Saturated-liquid enthalpy h′(p), kJ/kg: region 1 at T_s(p). Valid from 611.213 Pa up to 16.5292 MPa
        /// (T_s = 623.15 K); above, h′ needs region 3, which is not implemented.
        /// </summary>
        public static double SaturatedLiquidEnthalpyKjPerKg(double pressureMpaAbs)
        {
            CheckSaturatedEnthalpyPressure(pressureMpaAbs);
            return If97Region1.Enthalpy(pressureMpaAbs, If97Region4.SaturationTemperatureK(pressureMpaAbs));
        }

        /// <summary>Saturated-vapour enthalpy h″(p), kJ/kg: region 2 at T_s(p); same pressure range as h′.</summary>
        public static double SaturatedVaporEnthalpyKjPerKg(double pressureMpaAbs)
        {
            CheckSaturatedEnthalpyPressure(pressureMpaAbs);
            return If97Region2.Enthalpy(pressureMpaAbs, If97Region4.SaturationTemperatureK(pressureMpaAbs));
        }

        /// <summary>Latent heat of vaporisation r = h″ − h′, kJ/kg; same pressure range as h′.</summary>
        public static double LatentHeatKjPerKg(double pressureMpaAbs)
        {
            CheckSaturatedEnthalpyPressure(pressureMpaAbs);
            double saturationTemperatureK = If97Region4.SaturationTemperatureK(pressureMpaAbs);
            return If97Region2.Enthalpy(pressureMpaAbs, saturationTemperatureK)
                - If97Region1.Enthalpy(pressureMpaAbs, saturationTemperatureK);
        }

        /// <summary>Region 1 or 2 for (p, T), or an InputException naming the field that is out of range.</summary>
        private static int CheckedRegion(double pressureMpaAbs, double temperatureK)
        {
            if (!(pressureMpaAbs > 0.0 && pressureMpaAbs <= MaxPressureMpa))
            {
                throw new InputException(PressureField, InputException.Format(pressureMpaAbs),
                    "IAPWS-IF97 regions 1 and 2 cover 0 < p <= 100 MPa absolute (convert gauge readings to absolute first)");
            }

            if (!(temperatureK >= MinTemperatureK))
            {
                throw new InputException(TemperatureField, InputException.Format(temperatureK),
                    "IAPWS-IF97 regions 1 and 2 cover 273.15 K <= T <= 1073.15 K (0 to 800 °C); IF97 does not cover ice");
            }

            if (!(temperatureK <= Region2MaxTemperatureK))
            {
                throw new InputException(TemperatureField, InputException.Format(temperatureK),
                    "IAPWS-IF97 regions 1 and 2 cover 273.15 K <= T <= 1073.15 K (0 to 800 °C); region 5 (above 1073.15 K) is not implemented");
            }

            int region = RegionOf(pressureMpaAbs, temperatureK);
            if (region == 3)
            {
                double limitMpa = If97Region4.B23PressureMpa(temperatureK);
                throw new InputException(PressureField, InputException.Format(pressureMpaAbs),
                    "at temperatureK = " + InputException.Format(temperatureK) + " regions 1 and 2 cover p <= "
                    + InputException.Format(limitMpa) + " MPa absolute (boundary B23); above lies IAPWS-IF97 region 3 "
                    + "(near-critical, T > 623.15 K), which is not implemented");
            }

            return region;
        }

        private static void CheckSaturatedEnthalpyPressure(double pressureMpaAbs)
        {
            CheckSaturationPressure(pressureMpaAbs, Region1SaturationLimitMpa,
                "saturated enthalpies are available from 0.000611213 MPa (611.213 Pa) to 16.5292 MPa absolute "
                + "(saturation at 623.15 K); above, the saturated states lie in IAPWS-IF97 region 3, which is not implemented");
        }

        private static void CheckSaturationPressure(double pressureMpaAbs, double maxMpa, string allowed)
        {
            if (!(pressureMpaAbs >= MinSaturationPressureMpa && pressureMpaAbs <= maxMpa))
            {
                throw new InputException(PressureField, InputException.Format(pressureMpaAbs), allowed);
            }
        }

        // CA1510 wants ArgumentNullException.ThrowIfNull, which nanoFramework's mscorlib does not have.
#pragma warning disable CA1510
        private static void RequireResult(SteamState result)
        {
            if (result == null)
            {
                throw new ArgumentNullException(nameof(result));
            }
        }
#pragma warning restore CA1510

        private static void CheckSane(double pressureMpaAbs, double temperatureK, SteamState result)
        {
            RequireResult(result);
            if (!(pressureMpaAbs > 0.0) || double.IsInfinity(pressureMpaAbs))
            {
                throw new InputException(PressureField, InputException.Format(pressureMpaAbs),
                    "a finite absolute pressure above 0 MPa");
            }

            if (!(temperatureK > 0.0) || double.IsInfinity(temperatureK))
            {
                throw new InputException(TemperatureField, InputException.Format(temperatureK),
                    "a finite temperature above 0 K");
            }
        }
    }
}
