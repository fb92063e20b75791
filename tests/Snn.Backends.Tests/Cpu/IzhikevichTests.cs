using Snn.Core;
using Snn.Core.Distributions;
using Snn.Core.Inputs;
using Snn.Core.Models;

namespace Snn.Backends.Tests.Cpu;

/// <summary>
/// The presets of Izhikevich (2003), "Simple model of spiking neurons", IEEE TNN 14:1569, Fig. 2.
/// The firing patterns are driven as in the paper by a step of DC current I = 10 (after a 20 ms
/// baseline at I = 0) from the paper's initial state v = −65, u = b·v, at dt = 0.1 ms (one Euler
/// sub-step per step). The assertions encode the paper's verbal descriptions of each class; the
/// thresholds (e.g. "burst" = interval below 8 ms, "tonic" = above 15 ms) sit far from the
/// observed values of the neighbouring classes.
/// </summary>
public class IzhikevichTests
{
    private const double Dt = 0.1;
    private const double Onset = 20;

    private static double[] StepResponse(Izhikevich model, double durationMs = 320, double dt = Dt, double amplitude = 10)
    {
        var network = new Network(1, dt);
        var neuron = network.AddPopulation("izh", 1, model);
        network.Inject(neuron, new StepCurrent([Onset], [amplitude]));
        var spikes = network.RecordSpikes(neuron);
        using var simulation = SimulationHelpers.Run(network, durationMs);
        return simulation.GetSpikes(spikes).TimesOf(0);
    }

    [Fact]
    public void NoSpikesBeforeTheStepAndEveryPresetFiresAfterIt()
    {
        foreach (string name in new[] { "RS", "IB", "CH", "FS", "LTS", "TC", "RZ" })
        {
            var times = StepResponse(Izhikevich.Preset(name));
            Assert.True(times.Length >= 4, $"{name} fired {times.Length} spikes");
            Assert.True(times[0] > Onset, $"{name} fired at {times[0]} ms, before the step at {Onset} ms");
        }
    }

    /// <summary>RS: "fire a few spikes with short interspike period and then the period increases"
    /// (spike-frequency adaptation); tonic, never bursting.</summary>
    [Fact]
    public void RegularSpikingFiresTonicallyWithGrowingIntervals()
    {
        var intervals = SimulationHelpers.Intervals(StepResponse(Izhikevich.RegularSpiking));
        Assert.True(intervals.Length >= 4);
        Assert.All(intervals, isi => Assert.True(isi > 15, $"interval {isi} ms is a burst, not tonic firing"));
        Assert.True(intervals[0] < 0.75 * intervals[^1], $"no adaptation: first {intervals[0]} ms, last {intervals[^1]} ms");
        for (int k = 1; k < intervals.Length; k++)
        {
            Assert.True(intervals[k] >= intervals[k - 1] - 0.5, $"interval {k} shrank: {intervals[k - 1]} -> {intervals[k]} ms");
        }
    }

    /// <summary>IB: "fire a stereotypical burst of spikes followed by repetitive single spikes".</summary>
    [Fact]
    public void IntrinsicallyBurstingFiresAnInitialBurstThenTonically()
    {
        var intervals = SimulationHelpers.Intervals(StepResponse(Izhikevich.IntrinsicallyBursting));
        int burst = intervals.TakeWhile(isi => isi < 8).Count();
        Assert.InRange(burst + 1, 2, 6);
        var tonic = intervals.Skip(burst).ToArray();
        Assert.True(tonic.Length >= 4, $"only {tonic.Length} intervals after the burst");
        Assert.All(tonic, isi => Assert.True(isi > 15, $"interval {isi} ms after the initial burst"));
        var late = tonic.Skip(1).ToArray();
        Assert.True(late.Max() - late.Min() < 0.1 * late.Average(), "tonic phase is not regular");
    }

    /// <summary>CH: "fire stereotypical bursts of closely spaced spikes" repeatedly: the intervals
    /// are bimodal, short within bursts and long between them.</summary>
    [Fact]
    public void ChatteringFiresRepeatedBurstsWithBimodalIntervals()
    {
        var intervals = SimulationHelpers.Intervals(StepResponse(Izhikevich.Chattering));
        int shortIntervals = intervals.Count(isi => isi < 8);
        int longIntervals = intervals.Count(isi => isi > 25);
        Assert.Equal(intervals.Length, shortIntervals + longIntervals);
        Assert.True(longIntervals >= 3, $"{longIntervals} gaps between bursts");
        Assert.True(shortIntervals >= 2 * longIntervals, $"{shortIntervals} intra-burst intervals for {longIntervals} gaps");
        // Every burst (run of short intervals between gaps) has at least three spikes.
        int run = 0;
        foreach (double isi in intervals)
        {
            if (isi > 25)
            {
                Assert.True(run >= 2, $"a burst of {run + 1} spikes");
                run = 0;
            }
            else
            {
                run++;
            }
        }
    }

    /// <summary>FS: "fire periodic trains of action potentials with extremely high frequency
    /// practically without any adaptation". With a = 0.1 the recovery variable settles within
    /// ~2/a = 20 ms, so after that the intervals are constant.</summary>
    [Fact]
    public void FastSpikingFiresAtHighRateWithoutAdaptation()
    {
        var times = StepResponse(Izhikevich.FastSpiking);
        var intervals = SimulationHelpers.Intervals(times);
        double steadyRate = 1000 / intervals[^1];
        Assert.True(steadyRate > 100, $"steady rate {steadyRate} Hz");
        var settled = SimulationHelpers.Intervals(times.Where(t => t > Onset + 2 / 0.1).ToArray());
        Assert.True(settled.Max() - settled.Min() < 0.1 * settled.Average(),
            $"intervals still change after the onset transient: {settled.Min()}..{settled.Max()} ms");
    }

    /// <summary>LTS: "fire high-frequency trains of action potentials like FS neurons, but with a
    /// noticeable spike frequency adaptation": a = 0.02, so adaptation lasts ~1/a = 50 ms.</summary>
    [Fact]
    public void LowThresholdSpikingFiresAtHighRateWithAdaptation()
    {
        var lts = SimulationHelpers.Intervals(StepResponse(Izhikevich.LowThresholdSpiking));
        var rs = SimulationHelpers.Intervals(StepResponse(Izhikevich.RegularSpiking));
        Assert.True(1000 / lts[0] > 200, $"initial rate {1000 / lts[0]} Hz");
        Assert.True(lts[^1] < 0.5 * rs[^1], $"LTS steady interval {lts[^1]} ms is not faster than RS {rs[^1]} ms");
        Assert.True(lts[^1] > 3 * lts[0], $"no adaptation: first {lts[0]} ms, last {lts[^1]} ms");
        for (int k = 1; k < 5; k++)
        {
            Assert.True(lts[k] > lts[k - 1], $"interval {k} did not grow: {lts[k - 1]} -> {lts[k]} ms");
        }
    }

    /// <summary>TC at a depolarised state: tonic firing (no bursts, regular once settled).</summary>
    [Fact]
    public void ThalamoCorticalFiresTonicallyWhenDepolarised()
    {
        var times = StepResponse(Izhikevich.ThalamoCortical);
        var intervals = SimulationHelpers.Intervals(times);
        Assert.True(times.Length > 20);
        Assert.True(intervals.Min() > 0.5 * intervals.Max(), "TC burst under depolarisation");
        var late = SimulationHelpers.Intervals(times.Where(t => t > 200).ToArray());
        Assert.True(late.Max() - late.Min() < 0.05 * late.Average(), "tonic firing is not regular");
    }

    /// <summary>TC from a hyperpolarised state (I = −10, v near −76 mV): released to I = 0 it fires
    /// a rebound burst and falls silent again (Fig. 2, TC, lower trace).</summary>
    [Fact]
    public void ThalamoCorticalFiresAReboundBurstAfterHyperpolarisation()
    {
        const double release = 150;
        var network = new Network(1, Dt);
        var neuron = network.AddPopulation("tc", 1, Izhikevich.ThalamoCortical);
        network.Inject(neuron, new StepCurrent([0.0, release], [-10.0, 0.0]));
        var spikes = network.RecordSpikes(neuron);
        var voltage = network.RecordState(neuron, StateVariable.V, intervalMs: release);
        using var simulation = SimulationHelpers.Run(network, 400);

        Assert.True(simulation.GetState(voltage).Values[0][0] < -70, "not hyperpolarised before the release");
        var times = simulation.GetSpikes(spikes).TimesOf(0);
        Assert.True(times.Length >= 2, $"rebound of {times.Length} spikes");
        Assert.All(times, t => Assert.InRange(t, release, release + 100));
        Assert.All(SimulationHelpers.Intervals(times), isi => Assert.True(isi < 15, $"interval {isi} ms inside the rebound burst"));
    }

    /// <summary>
    /// RZ is a resonator: linearised at its resting point v* = −62.5 mV, u* = b v* (the lower root of
    /// 0.04 v² + (5 − b) v + 140 = 0), the Jacobian [[0.08 v* + 5, −1], [a b, −a]] = [[0, −1],
    /// [0.026, −0.1]] has eigenvalues −0.05 ± 0.1533i: a small kick starts a damped oscillation whose
    /// extrema are π/ω = 20.5 ms apart and shrink by e^(−0.05 π/ω) = 0.359 each. RS, whose eigenvalues
    /// are real (−0.027, −0.593), returns to rest with an undershoot of about 1 % of the kick.
    /// </summary>
    [Fact]
    public void ResonatorShowsDampedSubthresholdOscillationAtTheAnalyticFrequency()
    {
        var model = Izhikevich.Resonator;
        double rest = RestingPotential(model);
        double sigma = -0.5 * (0.08 * rest + 5 - model.A);
        double determinant = -model.A * (0.08 * rest + 5) + model.A * model.B;
        double omega = Math.Sqrt(determinant - sigma * sigma);
        var trace = KickResponse(model, rest, kicks: [10.0]);
        var extrema = Extrema(trace, from: 11);
        Assert.True(extrema.Count >= 4, $"only {extrema.Count} extrema after the kick");
        for (int k = 1; k < 4; k++)
        {
            Assert.True(Math.Sign(extrema[k].Deviation) == -Math.Sign(extrema[k - 1].Deviation), "extrema do not alternate around rest");
            Assert.Equal(Math.PI / omega, extrema[k].Time - extrema[k - 1].Time, 1.0);
            Assert.Equal(Math.Exp(-sigma * Math.PI / omega), Math.Abs(extrema[k].Deviation / extrema[k - 1].Deviation), 0.05);
        }

        var regular = Izhikevich.RegularSpiking;
        var regularTrace = KickResponse(regular, RestingPotential(regular), kicks: [10.0]);
        double overshoot = regularTrace.Max(p => p.Deviation);
        double undershoot = -regularTrace.Min(p => p.Deviation);
        Assert.True(undershoot < 0.05 * overshoot, $"RS undershoots rest by {undershoot} mV after a kick of {overshoot} mV");
        Assert.True(-extrema[1].Deviation > 0.25 * extrema[0].Deviation, "RZ does not swing below rest");
    }

    /// <summary>Resonance: a second identical kick one period (2π/ω ≈ 41 ms) after the first adds to
    /// the depolarised phase of the oscillation and peaks higher than a single kick; half a period
    /// later it meets the hyperpolarised phase and peaks lower.</summary>
    [Fact]
    public void ResonatorRespondsMostToInputsTimedAtItsPeriod()
    {
        var model = Izhikevich.Resonator;
        double rest = RestingPotential(model);
        double single = KickResponse(model, rest, [10.0]).Max(p => p.Deviation);
        double resonant = KickResponse(model, rest, [10.0, 51.0]).Where(p => p.Time > 51).Max(p => p.Deviation);
        double antiResonant = KickResponse(model, rest, [10.0, 30.5]).Where(p => p.Time > 30.5).Max(p => p.Deviation);
        Assert.True(resonant > 1.05 * single, $"resonant doublet {resonant} vs single {single} mV");
        Assert.True(antiResonant < 0.8 * single, $"anti-resonant doublet {antiResonant} vs single {single} mV");
    }

    /// <summary>At dt = 1 ms the engine performs exactly the paper's MATLAB loop (two half-steps of v,
    /// one step of u with the new v, reset when v ≥ 30 at the end of the millisecond), here written
    /// out in single precision as the engine stores state: spike times must agree exactly.</summary>
    [Theory]
    [InlineData("RS")]
    [InlineData("IB")]
    [InlineData("CH")]
    [InlineData("FS")]
    [InlineData("LTS")]
    [InlineData("TC")]
    [InlineData("RZ")]
    public void AtOneMillisecondTheUpdateIsThePapersReferenceCode(string preset)
    {
        var model = Izhikevich.Preset(preset);
        var times = StepResponse(model, durationMs: 1000, dt: 1.0);

        float a = (float)model.A, b = (float)model.B, c = (float)model.C, d = (float)model.D;
        float v = -65f, u = b * v;
        var reference = new List<double>();
        for (int t = 0; t < 1000; t++)
        {
            float i = t >= Onset ? 10f : 0f;
            v += 0.5f * (0.04f * v * v + 5f * v + 140f - u + i);
            v += 0.5f * (0.04f * v * v + 5f * v + 140f - u + i);
            u += a * (b * v - u);
            if (v >= 30f)
            {
                reference.Add(t + 1);
                v = c;
                u += d;
            }
        }
        Assert.Equal(reference, times);
    }

    private static double RestingPotential(Izhikevich model)
    {
        // 0.04 v² + (5 − b) v + 140 = 0, lower (stable) root.
        double p = 5 - model.B;
        return (-p - Math.Sqrt(p * p - 4 * 0.04 * 140)) / (2 * 0.04);
    }

    private static (double Time, double Deviation)[] KickResponse(Izhikevich model, double rest, double[] kicks)
    {
        const double amplitude = 0.2, width = 1;
        var network = new Network(1, Dt);
        var neuron = network.AddPopulation("izh", 1, model);
        neuron.WithInitial(StateVariable.V, Dist.Constant(rest));
        neuron.WithInitial(StateVariable.U, Dist.Constant(model.B * rest));
        var times = kicks.SelectMany(k => new[] { k, k + width }).ToArray();
        var amplitudes = kicks.SelectMany(_ => new[] { amplitude, 0.0 }).ToArray();
        network.Inject(neuron, new StepCurrent(times, amplitudes));
        var voltage = network.RecordState(neuron, StateVariable.V);
        using var simulation = SimulationHelpers.Run(network, 150);
        var record = simulation.GetState(voltage);
        return record.Times.Select((t, s) => (t, record.Values[s][0] - rest)).ToArray();
    }

    /// <summary>The largest deviation (and its time) in each excursion between crossings of rest.</summary>
    private static List<(double Time, double Deviation)> Extrema((double Time, double Deviation)[] trace, double from)
    {
        var extrema = new List<(double Time, double Deviation)>();
        (double Time, double Deviation) best = (0, 0);
        foreach (var point in trace.Where(p => p.Time >= from))
        {
            if (best.Deviation != 0 && Math.Sign(point.Deviation) == -Math.Sign(best.Deviation))
            {
                extrema.Add(best);
                best = (0, 0);
            }
            if (Math.Abs(point.Deviation) > Math.Abs(best.Deviation))
            {
                best = point;
            }
        }
        return extrema;
    }
}
