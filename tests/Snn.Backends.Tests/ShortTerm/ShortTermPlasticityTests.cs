using Snn.Core.Plasticity;
using Snn.Core.Simulation;

namespace Snn.Backends.Tests.ShortTerm;

/// <summary>
/// Tsodyks–Markram short-term plasticity on the CPU engine, against results derived here: the
/// steady-state amplitude of a regular train (closed form), the time course of an irregular train
/// (an Euler integration of the continuous-time model), the same with a long-term rule on the same
/// projection, and spikes still travelling after the presynaptic neuron fired again.
/// </summary>
public class ShortTermPlasticityTests
{
    /// <summary>The fixed point of a regular train of period T: u* = U / (1 − (1 − U)·e^(−T/τ_fac))
    /// (u* = U without facilitation) and x* = (1 − e^(−T/τ_rec)) / (1 − (1 − u*)·e^(−T/τ_rec)),
    /// from setting u and x equal before consecutive spikes in the update u ← U + u(1 − U)e^(−T/τ_fac),
    /// x ← 1 + (x − ux − 1)e^(−T/τ_rec).</summary>
    private static double SteadyState(double weight, double bigU, double tauRec, double tauFac, double period)
    {
        double facilitation = tauFac > 0 ? Math.Exp(-period / tauFac) : 0;
        double u = bigU / (1 - (1 - bigU) * facilitation);
        double recovery = Math.Exp(-period / tauRec);
        double x = (1 - recovery) / (1 - (1 - u) * recovery);
        return weight * u * x;
    }

    [Theory]
    [InlineData(0.5, 200, 0, 20)]
    [InlineData(0.8, 50, 0, 7.5)]
    [InlineData(0.1, 100, 600, 25)]
    [InlineData(0.03, 50, 1000, 12)]
    public void RegularTrainSettlesAtTheClosedFormAmplitude(double bigU, double tauRec, double tauFac, double period)
    {
        const double weight = 10;
        var times = ShortTermProbe.Regular(300, period);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(bigU, tauRec, tauFac));
        using var simulation = SimulationHelpers.Run(network, times[^1] + 1);
        var amplitudes = ShortTermProbe.Amplitudes(simulation, current, times.Length);

        double expected = SteadyState(weight, bigU, tauRec, tauFac, period);
        Assert.True(Math.Abs(amplitudes[^1] - expected) <= 1e-5 * expected + 2e-5, $"steady state {amplitudes[^1]:G9}, closed form {expected:G9}");
        Assert.True(Math.Abs(amplitudes[0] - weight * bigU) <= 1e-6, $"first spike {amplitudes[0]:G9}, expected w·U = {weight * bigU}");
    }

    [Theory]
    [InlineData(0.5, 200, 0, 1)]
    [InlineData(0.2, 80, 0, 2)]
    [InlineData(0.1, 100, 600, 3)]
    [InlineData(0.3, 30, 150, 4)]
    public void IrregularTrainFollowsTheIntegratedModel(double bigU, double tauRec, double tauFac, int seed)
    {
        const double weight = 10;
        var times = ShortTermProbe.Irregular(60, seed);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(bigU, tauRec, tauFac));
        using var simulation = SimulationHelpers.Run(network, times[^1] + 1);

        var expected = ShortTermProbe.Integrate(times, weight, bigU, tauRec, tauFac);
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(simulation, current, times.Length), 1e-4, $"U={bigU}, τrec={tauRec}, τfac={tauFac}");
    }

    [Fact]
    public void LastSpikeKernelTransmitsOneMinusTheDecayedInterval()
    {
        const double weight = 4;
        const double tau = 30;
        var times = ShortTermProbe.Irregular(40, 9);
        var (network, current) = ShortTermProbe.Build(times, weight, ShortTermPlasticity.LastSpike(tau));
        using var simulation = SimulationHelpers.Run(network, times[^1] + 1);

        var expected = times.Select((t, n) => n == 0 ? weight : weight * (1 - Math.Exp(-(t - times[n - 1]) / tau))).ToArray();
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(simulation, current, times.Length), 1e-5, "last-spike kernel");
    }

    /// <summary>With a reset interval the model restarts from rest in every interval: the train is cut
    /// at the multiples of 50 ms (by the step its spikes are emitted in, k = t/dt − 1) and each piece
    /// integrated on its own.</summary>
    [Fact]
    public void StateReturnsToRestAtEveryResetInterval()
    {
        const double weight = 10;
        const double interval = 50;
        var times = ShortTermProbe.Irregular(80, 8);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.3, 100, 80) { ResetIntervalMs = interval });
        using var simulation = SimulationHelpers.Run(network, times[^1] + 1);

        var expected = times
            .GroupBy(t => (SimulationHelpers.Steps(t, ShortTermProbe.Dt) - 1) / SimulationHelpers.Steps(interval, ShortTermProbe.Dt))
            .SelectMany(piece => ShortTermProbe.Integrate([.. piece], weight, 0.3, 100, 80))
            .ToArray();
        Assert.True(expected.Count(a => a == weight * 0.3) > 5, "too few intervals start with a spike at rest");
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(simulation, current, times.Length), 1e-4, "reset every 50 ms");
    }

    [Fact]
    public void AResetIntervalThatIsNotWholeStepsIsRefusedAtCompileTime()
    {
        var (network, _) = ShortTermProbe.Build([1.0], 1, new ShortTermPlasticity(0.3, 100, 80) { ResetIntervalMs = 2.05 });
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => SimulationHelpers.Compile(network));
        Assert.Equal("ResetIntervalMs", error.ParamName);
        Assert.Contains("whole number of steps", error.Message);
    }

    /// <summary>A delay of 5 ms with intervals down to 0.2 ms: several spikes of one synapse travel at
    /// once, and each must arrive with the factor it left with.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(5.0)]
    public void SpikesInFlightKeepTheFactorTheyLeftWith(double delayMs)
    {
        const double weight = 10;
        var times = ShortTermProbe.Irregular(80, 5);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.4, 60, 40), delayMs);
        using var simulation = SimulationHelpers.Run(network, times[^1] + delayMs + 1);

        var expected = ShortTermProbe.Integrate(times, weight, 0.4, 60, 40);
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(simulation, current, times.Length), 1e-4, $"delay {delayMs} ms");
    }

    /// <summary>A plastic projection with short-term plasticity transmits the rule's current weight
    /// times u·x: with a rule that adds a known increment on each arrival, spike n carries
    /// (w₀ + (n + 1)·Δ)·u_n·x_n, also when spikes overtake their predecessors' arrivals.</summary>
    [Theory]
    [InlineData(0.1)]
    [InlineData(5.0)]
    public void PlasticWeightIsScaledByTheShortTermFactor(double delayMs)
    {
        const double weight = 10;
        const double increment = 0.25;
        var times = ShortTermProbe.Irregular(60, 6);
        var (network, current) = ShortTermProbe.Build(times, weight, new ShortTermPlasticity(0.3, 80, 200), delayMs,
            p => p.WithPlasticity(new AddOnArrival { Increment = increment }));
        using var simulation = SimulationHelpers.Run(network, times[^1] + delayMs + 1);

        var expected = ShortTermProbe.Integrate(times, weight, 0.3, 80, 200, n => weight + (n + 1) * increment);
        ShortTermProbe.AssertClose(expected, ShortTermProbe.Amplitudes(simulation, current, times.Length), 1e-4, $"plastic, delay {delayMs} ms");
        Assert.Equal((float)(weight + times.Length * increment), simulation.GetWeights(network.Projections[0])[0], 3);
    }
}
