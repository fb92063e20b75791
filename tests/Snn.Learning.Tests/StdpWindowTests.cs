using Snn.Learning.Plasticity;

namespace Snn.Learning.Tests;

public class StdpWindowTests
{
    private const double APlus = 0.01;
    private const double AMinus = 0.012;
    private const double TauPlus = 16.8;
    private const double TauMinus = 33.7;
    private const double W0 = 0.5;

    [Theory]
    [InlineData(SpikePairing.AllToAll, 1.0)]
    [InlineData(SpikePairing.Nearest, 1.0)]
    [InlineData(SpikePairing.AllToAll, 7.3)]
    public void PairingWindowFollowsTheTwoExponentials(SpikePairing pairing, double delayMs)
    {
        var offsets = Enumerable.Range(-50, 101).Select(o => (double)o).ToArray();
        var rule = new PairStdp { APlus = APlus, AMinus = AMinus, TauPlus = TauPlus, TauMinus = TauMinus, WMin = 0, WMax = 1, Pairing = pairing };
        const double driverLatency = 0.2;
        double arrivalBase = 100;
        var preTimes = offsets.Select(_ => arrivalBase - delayMs).ToArray();
        var driverTimes = offsets.Select(o => arrivalBase + o - driverLatency).ToArray();
        var result = PairingHarness.Run(rule, preTimes, driverTimes, delayMs, W0, 200);

        for (int i = 0; i < offsets.Length; i++)
        {
            Assert.Equal(1, result.PostSpikeCounts[i]);
            double deltaT = result.PostTimes[i] - result.PreArrivals[i];
            double expected = deltaT >= 0 ? APlus * Math.Exp(-deltaT / TauPlus) : -AMinus * Math.Exp(deltaT / TauMinus);
            Assert.Equal(W0 + expected, result.Weights[i], 1e-6);
        }
        var measured = Enumerable.Range(0, offsets.Length).Select(i => result.PostTimes[i] - result.PreArrivals[i]).ToArray();
        Assert.Contains(measured, d => d < -40);
        Assert.Contains(measured, d => d > 40);
    }

    [Fact]
    public void PresynapticSpikeCountsAtItsArrivalNotItsEmission()
    {
        var rule = new PairStdp { APlus = APlus, AMinus = AMinus, TauPlus = TauPlus, TauMinus = TauMinus };
        double[] preTimes = [50];
        double[] driverTimes = [60 - 0.2];
        var shortDelay = PairingHarness.Run(rule, preTimes, driverTimes, 1.0, W0, 100);
        var longDelay = PairingHarness.Run(rule, preTimes, driverTimes, 15.0, W0, 100);

        Assert.Equal(W0 + APlus * Math.Exp(-(60 - 51) / TauPlus), shortDelay.Weights[0], 1e-6);
        Assert.Equal(W0 - AMinus * Math.Exp((60 - 65) / TauMinus), longDelay.Weights[0], 1e-6);
    }

    [Fact]
    public void MultiplicativeDependenceScalesTheWindowByTheDistanceToTheBounds()
    {
        var rule = new PairStdp { APlus = APlus, AMinus = AMinus, TauPlus = TauPlus, TauMinus = TauMinus, WMin = 0, WMax = 2, Dependence = WeightDependence.Multiplicative };
        double[] preTimes = [50, 50];
        double[] driverTimes = [55 - 0.2, 45 - 0.2];
        var result = PairingHarness.Run(rule, preTimes, driverTimes, 1.0, 0.5, 100);

        double potentiation = APlus * Math.Exp(-(55 - 51) / TauPlus) * (2 - 0.5) / 2;
        double depression = AMinus * Math.Exp((45 - 51) / TauMinus) * (0.5 - 0) / 2;
        Assert.Equal(0.5 + potentiation, result.Weights[0], 1e-6);
        Assert.Equal(0.5 - depression, result.Weights[1], 1e-6);
    }
}
