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

    /// <summary>Standard scores above the gate's sweep at which its delay is also measured, so that
    /// the gray-zone table reaches the fully biased gates of weight-1 synapses (z = 6).</summary>
    public static readonly IReadOnlyList<double> GateDelayScores = [4.5, 6.5];

    /// <summary>Fewest passed pulses a gate sweep point needs to enter the gray-zone delay table.</summary>
    public const int MinDelayPulses = 5;

    /// <summary>Calibrates <paramref name="technology"/> (its I_c, R_n, C and loop inductance) at every
    /// temperature and global bias scale of <paramref name="settings"/>: cell timing, gate sweep and
    /// fit at each pair, the gray-zone delay at each temperature (bias scale
    /// <see cref="SfqCalibrationSettings.GlobalBiasScale"/>), the fully biased gate's delay and the
    /// neuron map at the reference pair (<see cref="SfqCalibrationSettings.TemperatureK"/>,
    /// <see cref="SfqCalibrationSettings.GlobalBiasScale"/>), whose values also fill the
    /// calibration's single-valued fields. Each gate sweep spans ±3 σ_I(T) around the noise-free
    /// switching bias of the gate at that bias scale (found by bisection).</summary>
    /// <param name="technology">The technology; null for <see cref="SfqTechnology.Default"/>.</param>
    /// <param name="settings">How to measure; null for the defaults.</param>
    public static SfqCalibration Calibrate(SfqTechnology? technology = null, SfqCalibrationSettings? settings = null)
    {
        technology ??= SfqTechnology.Default;
        technology.Validate();
        settings ??= new SfqCalibrationSettings();
        settings.Validate();
        double[] temperatures = [.. settings.SweepTemperaturesK.Append(settings.TemperatureK).Distinct().Order()];
        double[] scales = [.. settings.SweepBiasScales.Append(settings.GlobalBiasScale).Distinct().Order()];
        int referenceT = Array.IndexOf(temperatures, settings.TemperatureK), referenceS = Array.IndexOf(scales, settings.GlobalBiasScale);
        var libraries = scales.Select(scale => new SfqCellLibrary(technology, scale)).ToArray();
        var thresholds = new double[scales.Length];
        Parallel.For(0, scales.Length, Parallelism(settings), k => thresholds[k] = NoiselessGateThresholdUa(libraries[k], settings.TimeStepPs));

        int points = settings.GateBiasPoints, pairs = temperatures.Length * scales.Length;
        var sweeps = new GateSweepPoint[pairs][];
        var cells = new CellTimingPoint[pairs * 3];
        int storable = (int)Math.Floor(0.8 * 1.4 * technology.CriticalCurrentUa * technology.LoopInductancePh / SfqConstants.FluxQuantumUaPh);
        var ramps = new double[Math.Clamp(storable, 1, NeuronFitFluxons) + 1];
        GateSweepPoint? full = null;
        var jobs = new List<(double TemperatureK, Action<CircuitOptions> Measure)>();
        for (int pair = 0; pair < pairs; pair++)
        {
            int p = pair, t = pair / scales.Length, k = pair % scales.Length;
            var library = libraries[k];
            double sigma = (technology with { TemperatureK = temperatures[t] }).NoiseCurrentUa;
            sweeps[p] = new GateSweepPoint[points];
            for (int i = 0; i < points; i++)
            {
                int point = i;
                double bias = thresholds[k] + sigma * (-3 + 6.0 * point / (points - 1));
                jobs.Add((temperatures[t], options => sweeps[p][point] = CircuitMeasurements.Gate(library, bias, settings.PulsesPerPoint, options)));
            }
            var measures = new (string Cell, Func<SfqCellLibrary, int, CircuitOptions, CellTiming> Measure)[]
            {
                (technology.Jtl.Name, CircuitMeasurements.JtlStage), (technology.Splitter.Name, CircuitMeasurements.Splitter), (technology.Merger.Name, CircuitMeasurements.Merger),
            };
            for (int c = 0; c < measures.Length; c++)
            {
                var (cell, measure) = measures[c];
                int slot = 3 * p + c;
                jobs.Add((temperatures[t], options => cells[slot] = CellPoint(cell, temperatures[t], scales[k], () => measure(library, settings.PulsesPerPoint, options), settings.PulsesPerPoint)));
            }
        }
        var reference = libraries[referenceS];
        jobs.Add((settings.TemperatureK, options => full = CircuitMeasurements.Gate(reference, GateFullBiasFraction * technology.CriticalCurrentUa, settings.PulsesPerPoint, options)));
        for (int f = 0; f < ramps.Length; f++)
        {
            int fluxons = f;
            jobs.Add((0, _ => ramps[fluxons] = CircuitMeasurements.NeuronSwitchingBiasUa(reference, technology.LoopInductancePh, fluxons, settings.TimeStepPs)));
        }
        Run(jobs, settings, 0);

        var curves = new List<GateCurvePoint>();
        for (int pair = 0; pair < pairs; pair++)
        {
            var sweep = sweeps[pair];
            if (sweep.Sum(q => q.Passed + q.DoubleSwitches) is var passes && (passes == 0 || passes == sweep.Sum(q => q.Pulses)))
            {
                continue;
            }
            var (halfAt, spreadAt) = FitNormalCurve(sweep);
            curves.Add(new GateCurvePoint(temperatures[pair / scales.Length], scales[pair % scales.Length], halfAt, spreadAt, DoubleSwitchRate(sweep, halfAt, spreadAt)));
        }
        var referenceCurve = curves.SingleOrDefault(c => c.TemperatureK == settings.TemperatureK && c.BiasScale == settings.GlobalBiasScale)
            ?? throw new InvalidOperationException($"The gate sweep at {settings.TemperatureK} K and bias scale {settings.GlobalBiasScale} passed all or none of its pulses; no curve to fit.");

        var delays = new GateDelayPoint[temperatures.Length][];
        var extra = new GateSweepPoint?[temperatures.Length, GateDelayScores.Count];
        var extraJobs = new List<(double TemperatureK, Action<CircuitOptions> Measure)>();
        for (int t = 0; t < temperatures.Length; t++)
        {
            int ti = t;
            var curve = curves.Single(c => c.TemperatureK == temperatures[ti] && c.BiasScale == settings.GlobalBiasScale);
            for (int z = 0; z < GateDelayScores.Count; z++)
            {
                int zi = z;
                double bias = curve.HalfPassBiasUa + GateDelayScores[zi] * curve.SpreadUa;
                if (bias <= 0.95 * technology.CriticalCurrentUa)
                {
                    extraJobs.Add((temperatures[ti], options => extra[ti, zi] = CircuitMeasurements.Gate(reference, bias, settings.PulsesPerPoint, options)));
                }
            }
        }
        Run(extraJobs, settings, jobs.Count);
        var grayZone = new List<GateDelayPoint>();
        for (int t = 0; t < temperatures.Length; t++)
        {
            int ti = t;
            var curve = curves.Single(c => c.TemperatureK == temperatures[ti] && c.BiasScale == settings.GlobalBiasScale);
            double jtlDelay = cells.Single(c => c.Cell == technology.Jtl.Name && c.TemperatureK == temperatures[ti] && c.BiasScale == settings.GlobalBiasScale).DelayPs;
            var measured = sweeps[t * scales.Length + referenceS].Concat(Enumerable.Range(0, GateDelayScores.Count).Select(z => extra[ti, z]).OfType<GateSweepPoint>());
            grayZone.AddRange(measured.Where(q => q.Passed >= MinDelayPulses && double.IsFinite(q.DelayJitterPs))
                .Select(q => new GateDelayPoint(temperatures[ti], (q.BiasUa - curve.HalfPassBiasUa) / curve.SpreadUa, q.MedianDelayPs - jtlDelay, q.DelayJitterPs, q.Passed)));
        }

        var referenceSweep = sweeps[referenceT * scales.Length + referenceS];
        CellTimingPoint ReferenceCell(string name) => cells.Single(c => c.Cell == name && c.TemperatureK == settings.TemperatureK && c.BiasScale == settings.GlobalBiasScale);
        var jtl = ReferenceCell(technology.Jtl.Name);
        var (zeroFlux, perFluxon) = FitLine(ramps);
        return new SfqCalibration
        {
            TemperatureK = settings.TemperatureK,
            GlobalBiasScale = settings.GlobalBiasScale,
            TimeStepPs = settings.TimeStepPs,
            PulsesPerPoint = settings.PulsesPerPoint,
            CriticalCurrentUa = technology.CriticalCurrentUa,
            JtlDelayPs = jtl.DelayPs,
            JtlJitterPs = jtl.JitterPs,
            SplitterDelayPs = ReferenceCell(technology.Splitter.Name).DelayPs,
            MergerDelayPs = ReferenceCell(technology.Merger.Name).DelayPs,
            GateDelayPs = full!.MedianDelayPs - jtl.DelayPs,
            GateHalfPassBiasUa = referenceCurve.HalfPassBiasUa,
            GateSpreadUa = referenceCurve.SpreadUa,
            GateDoubleSwitchRate = referenceCurve.DoubleSwitchRate,
            GateSweep = referenceSweep,
            NeuronLoopInductancePh = technology.LoopInductancePh,
            NeuronZeroFluxSwitchingBiasUa = zeroFlux,
            NeuronFluxonCurrentUa = perFluxon,
            NeuronSwitchingBiasesUa = ramps,
            GateSweeps = [.. Enumerable.Range(0, pairs).Select(pair => new GateSweep(temperatures[pair / scales.Length], scales[pair % scales.Length], sweeps[pair]))],
            Tables = new SfqCalibratedTables { Cells = cells, GateDelays = [.. grayZone.OrderBy(d => d.TemperatureK).ThenBy(d => d.StandardScore)], GateCurves = curves },
        };
    }

    /// <summary>The gate bias (µA) above which a noise-free gate at <paramref name="library"/>'s
    /// bias scale passes a pulse, by bisection to 0.01 µA between 0.3 I_c and 0.98 I_c.</summary>
    /// <param name="library">Cell library (technology and global bias scale).</param>
    /// <param name="timeStepPs">Solver time step (ps).</param>
    public static double NoiselessGateThresholdUa(SfqCellLibrary library, double timeStepPs = 0.1)
    {
        ArgumentNullException.ThrowIfNull(library);
        double ic = library.Technology.CriticalCurrentUa, low = 0.3 * ic, high = 0.98 * ic;
        var options = new CircuitOptions { TemperatureK = 0, TimeStepPs = timeStepPs };
        while (high - low > 0.01)
        {
            double middle = 0.5 * (low + high);
            if (CircuitMeasurements.Gate(library, middle, 1, options).PassFraction > 0.5)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }
        return 0.5 * (low + high);
    }

    /// <summary>Runs <paramref name="jobs"/> in parallel, each at its temperature with its own noise
    /// substream (numbered from <paramref name="firstSubstream"/>).</summary>
    private static void Run(List<(double TemperatureK, Action<CircuitOptions> Measure)> jobs, SfqCalibrationSettings settings, int firstSubstream)
        => Parallel.For(0, jobs.Count, Parallelism(settings), job => jobs[job].Measure(new CircuitOptions
        {
            TemperatureK = jobs[job].TemperatureK, TimeStepPs = settings.TimeStepPs, Seed = settings.Seed, Substream = (uint)(firstSubstream + job),
        }));

    private static ParallelOptions Parallelism(SfqCalibrationSettings settings) => new() { MaxDegreeOfParallelism = settings.Threads ?? -1 };

    /// <summary>A cell's timing row; a cell that cannot settle (a junction biased above I_c) delivered nothing.</summary>
    private static CellTimingPoint CellPoint(string cell, double temperatureK, double scale, Func<CellTiming> measure, int pulses)
    {
        CellTiming timing;
        try
        {
            timing = measure();
        }
        catch (InvalidOperationException)
        {
            timing = new CellTiming(double.NaN, double.NaN, 0);
        }
        return new CellTimingPoint(cell, temperatureK, scale, timing.MeanDelayPs, timing.JitterPs, (double)timing.Pulses / pulses);
    }

    /// <summary>d from a sweep's double-switch counts under P(double) = 4 d p (1 − p).</summary>
    private static double DoubleSwitchRate(GateSweepPoint[] sweep, double half, double spread)
    {
        double weight = sweep.Sum(p => 4 * NormalDistribution.Cdf((p.BiasUa - half) / spread) * (1 - NormalDistribution.Cdf((p.BiasUa - half) / spread)) * p.Pulses);
        double doubles = sweep.Sum(p => p.DoubleSwitches);
        return weight > 0 ? Math.Min(1, doubles / weight) : 0;
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
