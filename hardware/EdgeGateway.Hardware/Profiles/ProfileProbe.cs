using System;
using System.Collections.Generic;
using EdgeGateway.Firmware.Core.Modbus.Registers;

namespace EdgeGateway.Hardware.Profiles;

/// <summary>What the probe found for one point.</summary>
public sealed record ProbePoint(string Name, double ValueAsConfigured, bool PlausibleAsConfigured, ByteOrder ProposedOrder, double ProposedFactor, double ProposedValue, bool PlausibleAsProposed);

/// <summary>The probe's overall proposal.</summary>
public sealed record ProbeResult(ByteOrder ConfiguredOrder, ByteOrder ProposedOrder, int Points, int PlausibleAsConfigured, int PlausibleAsProposed, IReadOnlyList<ProbePoint> Details)
{
    /// <summary>True when some change makes more values plausible than the profile as written.</summary>
    public bool HasProposal => PlausibleAsProposed > PlausibleAsConfigured;
}

/// <summary>
/// The commissioning mistake users hit most: a map read with the wrong byte/word order or scale. Given the raw
/// registers of each numeric point, the probe finds the one byte order (devices use one order throughout) that makes
/// the most values plausible, then per point the scale correction (×0.1, ×10, ×0.01, ×100) that brings a value into
/// its range. Ties keep what the profile says: a change is only proposed when it makes more values plausible.
/// </summary>
public static class ProfileProbe
{
    public static readonly double[] Factors = { 1.0, 0.1, 10.0, 0.01, 100.0 };
    private static readonly ByteOrder[] Orders = { ByteOrder.ABCD, ByteOrder.CDAB, ByteOrder.BADC, ByteOrder.DCBA };

    /// <summary>True when a value is inside the point's range and is not a denormal-looking float (a swapped-word symptom).</summary>
    public static bool Plausible(RegisterPoint p, double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        if ((p.DataType == RegisterDataType.Float32 || p.DataType == RegisterDataType.Float64) && value != 0 && Math.Abs(value) < 1e-20)
        {
            return false;
        }

        return value >= p.MinPlausible && value <= p.MaxPlausible;
    }

    /// <param name="points">the numeric register points to judge</param>
    /// <param name="raw">their raw registers as read from the device, same order as points</param>
    /// <param name="configuredOrder">the profile's default order (points without their own order use it)</param>
    public static ProbeResult Probe(IReadOnlyList<RegisterPoint> points, IReadOnlyList<ushort[]> raw, ByteOrder configuredOrder)
    {
        var asConfigured = new double[points.Count];
        int plausibleNow = 0;
        for (int i = 0; i < points.Count; i++)
        {
            asConfigured[i] = Value(points[i], points[i].Order, 1.0, raw[i]);
            if (Plausible(points[i], asConfigured[i]))
            {
                plausibleNow++;
            }
        }

        // Pick the order that makes most values plausible at scale 1, then allowing scale corrections; the configured order wins ties.
        ByteOrder bestOrder = configuredOrder;
        int bestScore = Score(points, raw, configuredOrder, configuredOrder);
        foreach (ByteOrder order in Orders)
        {
            int score = Score(points, raw, order, configuredOrder);
            if (score > bestScore)
            {
                bestScore = score;
                bestOrder = order;
            }
        }

        var details = new List<ProbePoint>();
        int plausibleProposed = 0;
        for (int i = 0; i < points.Count; i++)
        {
            RegisterPoint p = points[i];
            bool configuredOk = Plausible(p, asConfigured[i]);
            ByteOrder order = OrderFor(p, bestOrder, configuredOrder);
            double factor = 1.0;
            double value = Value(p, order, 1.0, raw[i]);
            if (configuredOk && order == p.Order)
            {
                value = asConfigured[i];
            }
            else if (!Plausible(p, value))
            {
                foreach (double f in Factors)
                {
                    double v = Value(p, order, f, raw[i]);
                    if (Plausible(p, v))
                    {
                        factor = f;
                        value = v;
                        break;
                    }
                }
            }

            bool ok = Plausible(p, value);
            if (!ok && configuredOk)
            {
                // Never propose something worse for a point than what it already has.
                order = p.Order;
                factor = 1.0;
                value = asConfigured[i];
                ok = true;
            }

            if (ok)
            {
                plausibleProposed++;
            }

            details.Add(new ProbePoint(p.Name, asConfigured[i], configuredOk, order, factor, value, ok));
        }

        return new ProbeResult(configuredOrder, bestOrder, points.Count, plausibleNow, plausibleProposed, details);
    }

    private static int Score(IReadOnlyList<RegisterPoint> points, IReadOnlyList<ushort[]> raw, ByteOrder order, ByteOrder configuredOrder)
    {
        int score = 0;
        for (int i = 0; i < points.Count; i++)
        {
            ByteOrder o = OrderFor(points[i], order, configuredOrder);
            foreach (double f in Factors)
            {
                if (Plausible(points[i], Value(points[i], o, f, raw[i])))
                {
                    // A plausible value at scale 1 counts double: a byte order that needs no scale fix is the likelier truth.
                    score += f == 1.0 ? 2 : 1;
                    break;
                }
            }
        }

        return score;
    }

    /// <summary>A point that overrides the device order keeps its own order unless the whole device is re-ordered.</summary>
    private static ByteOrder OrderFor(RegisterPoint p, ByteOrder candidate, ByteOrder configuredOrder) =>
        p.Order == configuredOrder ? candidate : (candidate == configuredOrder ? p.Order : candidate);

    private static double Value(RegisterPoint p, ByteOrder order, double factor, ushort[] raw) =>
        (RegisterDecoder.DecodeRaw(p.DataType, order, raw, 0) * p.Scale * factor) + p.Offset;
}
