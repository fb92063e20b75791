namespace Snn.Backends.Sfq;

/// <summary>
/// A technology read at one operating point (its temperature and a global bias scale). Without
/// <see cref="SfqTechnology.Tables"/> it is the technology itself, and the interconnect works within
/// <see cref="SfqTechnology.InterconnectBiasMargin"/>. With them, <see cref="Technology"/> carries the
/// interpolated cell delays and gate curve (I_50 and σ as at bias scale 1, rescaled to the gate's
/// own critical current as usual), the interconnect works where every cell worked in the circuit,
/// and <see cref="PathJitterPs"/> adds the cells' measured jitters in quadrature.
/// </summary>
internal sealed class SfqOperatingPoint
{
    private readonly double _jtlJitterPs, _splitterJitterPs, _mergerJitterPs;

    private SfqOperatingPoint(SfqTechnology technology, bool interconnectWorks, double jtlJitterPs, double splitterJitterPs, double mergerJitterPs)
    {
        Technology = technology;
        InterconnectWorks = interconnectWorks;
        _jtlJitterPs = jtlJitterPs;
        _splitterJitterPs = splitterJitterPs;
        _mergerJitterPs = mergerJitterPs;
    }

    /// <summary>The technology with the operating point's cell delays and gate curve.</summary>
    public SfqTechnology Technology { get; }

    /// <summary>Whether JTL stages, splitters and mergers pass pulses at this bias.</summary>
    public bool InterconnectWorks { get; }

    /// <summary>Whether the technology has calibrated tables.</summary>
    public bool Calibrated => Technology.Tables is not null;

    /// <summary>Reads <paramref name="technology"/> at its temperature and <paramref name="globalBiasScale"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The temperature or bias scale lies outside the calibrated tables.</exception>
    public static SfqOperatingPoint From(SfqTechnology technology, double globalBiasScale)
    {
        if (technology.Tables is not { } tables)
        {
            return new SfqOperatingPoint(technology, Math.Abs(globalBiasScale - 1) <= technology.InterconnectBiasMargin, double.NaN, double.NaN, double.NaN);
        }
        try
        {
            double temperature = technology.TemperatureK;
            var jtl = tables.CellTiming(technology.Jtl.Name, temperature, globalBiasScale);
            var splitter = tables.CellTiming(technology.Splitter.Name, temperature, globalBiasScale);
            var merger = tables.CellTiming(technology.Merger.Name, temperature, globalBiasScale);
            var (half, spread, doubles) = tables.GateCurve(temperature, globalBiasScale);
            bool works = jtl.Works && splitter.Works && merger.Works;
            var operating = technology with
            {
                Jtl = technology.Jtl with { DelayPs = works ? jtl.DelayPs : technology.Jtl.DelayPs },
                Splitter = technology.Splitter with { DelayPs = works ? splitter.DelayPs : technology.Splitter.DelayPs },
                Merger = technology.Merger with { DelayPs = works ? merger.DelayPs : technology.Merger.DelayPs },
                GateHalfPassBiasUa = half,
                GateSwitchingSpreadUa = spread,
                GateDoubleSwitchRate = doubles,
            };
            return new SfqOperatingPoint(operating, works, jtl.JitterPs, splitter.JitterPs, merger.JitterPs);
        }
        catch (ArgumentOutOfRangeException e)
        {
            bool temperature = e.ParamName == "temperatureK";
            throw new ArgumentOutOfRangeException(temperature ? "technology.TemperatureK" : "options.GlobalBiasScale", temperature ? technology.TemperatureK : globalBiasScale, e.Message);
        }
    }

    /// <summary>Delay (ps) and jitter (ps) of a gate of critical current <paramref name="criticalCurrentUa"/>
    /// biased at <paramref name="biasUa"/>: from the gray-zone table at its standard score when
    /// calibrated, else the technology's fixed gate delay and no jitter of its own.</summary>
    public (double DelayPs, double JitterPs) Gate(double biasUa, double criticalCurrentUa)
    {
        if (Technology.Tables is not { } tables)
        {
            return (Technology.Gate.DelayPs, 0);
        }
        double z = (biasUa - SfqBiasMapping.HalfPassBiasUa(Technology, criticalCurrentUa)) / SfqBiasMapping.GateSpreadUa(Technology);
        return tables.GateTiming(Technology.TemperatureK, z);
    }

    /// <summary>The calibrated standard deviation of a path's delay (ps): the quadrature sum of its cells' jitters.</summary>
    public double PathJitterPs(int splitters, double gateJitterPs, int jtlStages, int mergers)
        => Math.Sqrt(splitters * _splitterJitterPs * _splitterJitterPs + gateJitterPs * gateJitterPs
            + jtlStages * _jtlJitterPs * _jtlJitterPs + mergers * _mergerJitterPs * _mergerJitterPs);
}
