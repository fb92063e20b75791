using Snn.Backends.Crossbar;

namespace Snn.Experiments.Crossbar;

/// <summary>
/// The <c>crossbar-sweep</c> study: accuracy and energy per inference of a
/// <see cref="CrossbarLsmExperiment"/> against one non-ideality at a time (levels, read noise,
/// programming noise, drift time with and without compensation, stuck-at rate, ADC bits, wire
/// resistance), every other non-ideality off, on the conductance range of a base device. Compare
/// with the software arm of <see cref="CrossbarLsmExperiment"/> on the same samples.
/// </summary>
public static class CrossbarSweep
{
    /// <summary>The values swept per parameter; <paramref name="quick"/> keeps a few per parameter.</summary>
    public static IReadOnlyList<(SweepParameter Parameter, double Value)> Points(bool quick)
    {
        var points = new List<(SweepParameter, double)>();
        void Add(SweepParameter parameter, double[] full, double[] brief)
        {
            foreach (double value in quick ? brief : full)
            {
                points.Add((parameter, value));
            }
        }
        Add(SweepParameter.Levels, [2, 4, 8, 16, 32, 64, 128, 256], [2, 4, 16, 64]);
        Add(SweepParameter.ReadNoise, [0.005, 0.01, 0.02, 0.05, 0.1, 0.2], [0.01, 0.05, 0.2]);
        Add(SweepParameter.ProgrammingNoise, [0.005, 0.01, 0.02, 0.05, 0.1, 0.2], [0.01, 0.05, 0.2]);
        Add(SweepParameter.DriftTime, [1, 3600, 86400, 3.15e7], [3600, 3.15e7]);
        Add(SweepParameter.DriftTimeCompensated, [1, 3600, 86400, 3.15e7], [3.15e7]);
        Add(SweepParameter.StuckAtRate, [0.001, 0.01, 0.02, 0.05, 0.1, 0.2], [0.002, 0.02, 0.1]);
        Add(SweepParameter.AdcBits, [3, 4, 5, 6, 7, 8, 9], [4, 6, 8]);
        Add(SweepParameter.WireResistance, [0.35, 1, 2.1, 5, 10], [0.35, 2.1]);
        return points;
    }

    /// <summary>The chip of one sweep point: the base device's conductance range with only the swept
    /// non-ideality on (ideal ADC unless bits are swept).</summary>
    public static CrossbarOptions Chip(ResistiveDevice baseDevice, SweepParameter parameter, double value)
    {
        ArgumentNullException.ThrowIfNull(baseDevice);
        var device = ResistiveDevice.Ideal with { Name = $"{baseDevice.Name} range", GMin = baseDevice.GMin, GMax = baseDevice.GMax };
        var chip = new CrossbarOptions();
        return parameter switch
        {
            SweepParameter.Levels => chip with { Device = device with { Levels = (int)value } },
            SweepParameter.ReadNoise => chip with { Device = device with { ReadNoise = value } },
            SweepParameter.ProgrammingNoise => chip with { Device = device with { ProgrammingNoiseCoefficients = [value * device.GMax] } },
            SweepParameter.DriftTime => chip with { Device = device with { DriftNuMean = 0.049, DriftNuStd = 0.008 }, TimeSinceProgramming = value },
            SweepParameter.DriftTimeCompensated => chip with { Device = device with { DriftNuMean = 0.049, DriftNuStd = 0.008 }, TimeSinceProgramming = value, DriftCompensation = true },
            SweepParameter.StuckAtRate => chip with { Device = device with { StuckOnRate = value / 2, StuckOffRate = value / 2 } },
            SweepParameter.AdcBits => chip with { Device = device, AdcBits = (int)value },
            SweepParameter.WireResistance => chip with { Device = device, WireResistance = value },
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, $"parameter = {parameter} is not a sweep parameter."),
        };
    }

    /// <summary>Runs the sweep. Each point compiles a fresh chip (same seeds: common random numbers)
    /// and retrains the readout on its features.</summary>
    /// <param name="experiment">The liquid and readout.</param>
    /// <param name="train">Training samples.</param>
    /// <param name="test">Test samples.</param>
    /// <param name="baseDevice">Gives the conductance range.</param>
    /// <param name="quick">Fewer points (a few minutes on two cores for 1500 samples).</param>
    /// <param name="progress">Called after each point.</param>
    public static IReadOnlyList<SweepPoint> Run(CrossbarLsmExperiment experiment, IReadOnlyList<LsmSample> train, IReadOnlyList<LsmSample> test,
        ResistiveDevice baseDevice, bool quick, Action<SweepPoint>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var results = new List<SweepPoint>();
        foreach (var (parameter, value) in Points(quick))
        {
            var outcome = experiment.Evaluate(train, test, new LsmConfiguration($"{parameter}={value}", Chip(baseDevice, parameter, value)));
            var point = new SweepPoint(parameter, value, outcome.Accuracy, outcome.EnergyPerInference);
            progress?.Invoke(point);
            results.Add(point);
        }
        return results;
    }
}
