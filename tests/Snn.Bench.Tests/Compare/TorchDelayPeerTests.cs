using Snn.Bench.Compare;
using Snn.Bench.Studies;

namespace Snn.Bench.Tests.Compare;

public class TorchDelayPeerTests
{
    /// <summary>
    /// The PyTorch peer is an independent implementation of the trained network (autograd, not a
    /// hand-written backward pass): on the same data and parameters its loss and every gradient
    /// must equal Snn's up to float32 rounding, at a wide and at a narrow Gaussian.
    /// </summary>
    [TorchFact]
    public void LossAndGradientsAgreeWithPyTorch()
    {
        var peer = TorchDelayPeer.Default()!;
        using var folder = new TemporaryDirectory();
        foreach (double sigma in new[] { 3.0, 0.5 })
        {
            var agreement = GradientAgreement.Measure(peer, folder.Path, TrainerVsTorchAnalysis.CheckConfig, steps: 30, samples: 8, density: 0.3, sigma, seed: 5);
            Assert.True(Math.Abs(agreement.SnnLoss - agreement.TorchLoss) <= 1e-5 * Math.Abs(agreement.TorchLoss), $"sigma {sigma}: loss {agreement.SnnLoss} vs {agreement.TorchLoss}");
            Assert.True(agreement.WorstRelativeDifference <= 1e-4, $"sigma {sigma}: {agreement.WorstTensor} differs by {agreement.WorstRelativeDifference:E2} of its largest value");
            Assert.True(agreement.Compared > 1000, $"only {agreement.Compared} gradient values compared");
        }
    }

    /// <summary>An even kernel (K = 6) puts the Gaussians' centres on taps −(K − 1 − ⌊K/2⌋) … ⌊K/2⌋ in
    /// both implementations: loss and gradients still agree.</summary>
    [TorchFact]
    public void AnEvenKernelAgreesWithPyTorch()
    {
        var peer = TorchDelayPeer.Default()!;
        using var folder = new TemporaryDirectory();
        var config = TrainerVsTorchAnalysis.CheckConfig with { MaxDelaySteps = 6 };
        var agreement = GradientAgreement.Measure(peer, folder.Path, config, steps: 30, samples: 8, density: 0.3, sigma: 1.0, seed: 9);
        Assert.True(Math.Abs(agreement.SnnLoss - agreement.TorchLoss) <= 1e-5 * Math.Abs(agreement.TorchLoss), $"loss {agreement.SnnLoss} vs {agreement.TorchLoss}");
        Assert.True(agreement.WorstRelativeDifference <= 1e-4, $"{agreement.WorstTensor} differs by {agreement.WorstRelativeDifference:E2} of its largest value");
    }
}
