namespace Snn.Backends.Sfq.Circuit;

/// <summary>
/// Derives the pulse-level model's parameters (<see cref="SfqCalibration"/>) from circuit-level
/// simulation of the cells of <see cref="SfqCellLibrary"/> with thermal noise: JTL, splitter and
/// merger timing, the gate's switching curve and double-switch rate from a bias sweep (points run
/// in parallel, each with its own noise substream), and the neuron's threshold map from quasi-static
/// bias ramps of its loop holding 0 to 3 fluxons.
/// </summary>
public static class SfqCalibrator
{
    /// <summary>Most fluxons the neuron map is fitted over (0 to this, fewer when the loop cannot
    /// hold them unbiased: at most 0.8 × 1.4 I_c L / Φ0).</summary>
    public const int NeuronFitFluxons = 3;

    /// <summary>Full gate bias, as a fraction of I_c, at which the gate's delay is measured.</summary>
    public const double GateFullBiasFraction = 0.9;

    /// <summary>Calibrates <paramref name="technology"/> (its I_c, R_n, C and loop inductance).</summary>
    /// <param name="technology">The technology; null for <see cref="SfqTechnology.Default"/>.</param>
    /// <param name="settings">How to measure; null for the defaults.</param>
    public static SfqCalibration Calibrate(SfqTechnology? technology = null, SfqCalibrationSettings? settings = null)
    {
        technology ??= SfqTechnology.Default;
        technology.Validate();
        settings ??= new SfqCalibrationSettings();
        settings.Validate();
        var library = new SfqCellLibrary(technology with { TemperatureK = settings.TemperatureK }, settings.GlobalBiasScale);
        double centre = technology.CriticalCurrentUa * (1 - technology.PulseCurrentFraction);
        double sigma = (technology with { TemperatureK = settings.TemperatureK }).NoiseCurrentUa;
        int points = settings.GateBiasPoints;
        double[] biases = [.. Enumerable.Range(0, points).Select(k => centre + sigma * (-3 + 6.0 * k / (points - 1)))];
        var sweep = new GateSweepPoint[points];
        CellTiming? jtl = null, splitter = null, merger = null, gate = null;
        int storable = (int)Math.Floor(0.8 * 1.4 * technology.CriticalCurrentUa * technology.LoopInductancePh / SfqConstants.FluxQuantumUaPh);
        var ramps = new double[Math.Clamp(storable, 1, NeuronFitFluxons) + 1];
        int jobs = points + 4 + ramps.Length;
        Parallel.For(0, jobs, job =>
        {
            var options = new CircuitOptions { TemperatureK = settings.TemperatureK, TimeStepPs = settings.TimeStepPs, Seed = settings.Seed, Substream = (uint)job };
            if (job < points)
            {
                sweep[job] = CircuitMeasurements.Gate(library, biases[job], settings.PulsesPerPoint, options);
            }
            else if (job == points)
            {
                jtl = CircuitMeasurements.JtlStage(library, settings.PulsesPerPoint, options);
            }
            else if (job == points + 1)
            {
                splitter = CircuitMeasurements.Splitter(library, settings.PulsesPerPoint, options);
            }
            else if (job == points + 2)
            {
                merger = CircuitMeasurements.Merger(library, settings.PulsesPerPoint, options);
            }
            else if (job == points + 3)
            {
                var full = CircuitMeasurements.Gate(library, GateFullBiasFraction * technology.CriticalCurrentUa, settings.PulsesPerPoint, options);
                gate = new CellTiming(full.MedianDelayPs, full.DelayJitterPs, full.Passed);
            }
            else
            {
                int fluxons = job - points - 4;
                ramps[fluxons] = CircuitMeasurements.NeuronSwitchingBiasUa(library, technology.LoopInductancePh, fluxons, settings.TimeStepPs);
            }
        });
        var (half, spread) = FitNormalCurve(sweep);
        double weight = sweep.Sum(p => 4 * NormalDistribution.Cdf((p.BiasUa - half) / spread) * (1 - NormalDistribution.Cdf((p.BiasUa - half) / spread)) * p.Pulses);
        double doubles = sweep.Sum(p => p.DoubleSwitches);
        var (zeroFlux, perFluxon) = FitLine(ramps);
        return new SfqCalibration
        {
            TemperatureK = settings.TemperatureK,
            GlobalBiasScale = settings.GlobalBiasScale,
            TimeStepPs = settings.TimeStepPs,
            PulsesPerPoint = settings.PulsesPerPoint,
            CriticalCurrentUa = technology.CriticalCurrentUa,
            JtlDelayPs = jtl!.MeanDelayPs,
            JtlJitterPs = jtl.JitterPs,
            SplitterDelayPs = splitter!.MeanDelayPs,
            MergerDelayPs = merger!.MeanDelayPs,
            GateDelayPs = gate!.MeanDelayPs - jtl.MeanDelayPs,
            GateHalfPassBiasUa = half,
            GateSpreadUa = spread,
            GateDoubleSwitchRate = weight > 0 ? Math.Min(1, doubles / weight) : 0,
            GateSweep = sweep,
            NeuronLoopInductancePh = technology.LoopInductancePh,
            NeuronZeroFluxSwitchingBiasUa = zeroFlux,
            NeuronFluxonCurrentUa = perFluxon,
        };
    }

    /// <summary>The maximum-likelihood normal CDF p(I) = Φ((I − μ)/σ) through the pass counts of a
    /// gate sweep (probit regression by iteratively reweighted least squares); returns (μ, σ) in µA.</summary>
    /// <param name="sweep">At least two points, with some passes and some failures overall.</param>
    public static (double HalfPassBiasUa, double SpreadUa) FitNormalCurve(IReadOnlyList<GateSweepPoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        if (sweep.Count < 2)
        {
            throw new ArgumentException($"sweep has {sweep.Count} points; a normal curve needs at least 2.", nameof(sweep));
        }
        double passes = sweep.Sum(p => p.Passed + p.DoubleSwitches), total = sweep.Sum(p => p.Pulses);
        if (passes == 0 || passes == total)
        {
            throw new ArgumentException($"sweep passed {passes} of {total} pulses: the curve needs both outcomes.", nameof(sweep));
        }
        double mean = sweep.Average(p => p.BiasUa);
        double width = Math.Max(1e-9, sweep.Max(p => p.BiasUa) - sweep.Min(p => p.BiasUa)) / 4;
        double a = 0, b = 1 / width;
        for (int iteration = 0; iteration < 100; iteration++)
        {
            double s00 = 0, s01 = 0, s11 = 0, r0 = 0, r1 = 0;
            foreach (var point in sweep)
            {
                double x = point.BiasUa - mean, z = a + b * x;
                double p = Math.Clamp(NormalDistribution.Cdf(z), 1e-12, 1 - 1e-12);
                double density = Math.Exp(-0.5 * z * z) / Math.Sqrt(2 * Math.PI);
                double w = point.Pulses * density * density / (p * (1 - p));
                double observed = (double)(point.Passed + point.DoubleSwitches) / point.Pulses;
                double target = z + (observed - p) / Math.Max(density, 1e-300);
                s00 += w;
                s01 += w * x;
                s11 += w * x * x;
                r0 += w * target;
                r1 += w * x * target;
            }
            double determinant = s00 * s11 - s01 * s01;
            double nextA = (s11 * r0 - s01 * r1) / determinant, nextB = (s00 * r1 - s01 * r0) / determinant;
            bool done = Math.Abs(nextA - a) < 1e-12 && Math.Abs(nextB - b) < 1e-12 * Math.Abs(b);
            a = nextA;
            b = nextB;
            if (done)
            {
                break;
            }
        }
        if (!(b > 0))
        {
            throw new ArgumentException("sweep's pass fraction does not rise with the bias.", nameof(sweep));
        }
        return (mean - a / b, 1 / b);
    }

    private static (double Intercept, double Drop) FitLine(double[] values)
    {
        double n = values.Length, meanX = (n - 1) / 2, meanY = values.Average(), sxy = 0, sxx = 0;
        for (int k = 0; k < values.Length; k++)
        {
            sxy += (k - meanX) * (values[k] - meanY);
            sxx += (k - meanX) * (k - meanX);
        }
        double slope = sxy / sxx;
        return (meanY - slope * meanX, -slope);
    }
}
