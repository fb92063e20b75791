using Snn.Core.Interop.Nir;
using static Snn.Backends.Tests.Nir.NirTestGraphs;

namespace Snn.Backends.Tests.Nir;

/// <summary>Each NIR primitive, imported at dt = 0.1 ms with NIR times in seconds, follows the
/// closed-form solution of its continuous-time equations. Spike records count time in steps: a
/// spike found in step k is at time (k + 1)·dt.</summary>
public sealed class NirDynamicsTests
{
    private const double Dt = 0.1;

    [Fact]
    public void LeakyIntegratorWithBiasRelaxesExponentiallyToVLeakPlusRTimesBias()
    {
        var trace = Membrane(Driven(Node("LI", ("tau", [0.01]), ("r", [0.5]), ("v_leak", [0.2])), weight: 0, bias: 3), 50, out var times);
        for (int k = 0; k < trace.Length; k++)
        {
            Assert.Equal(1.7 - 1.5 * Math.Exp(-times[k] / 10), trace[k], tolerance: 1e-4);
        }
    }

    [Fact]
    public void LeakyIntegratorJumpsByRWeightOverTauWhenTheSpikeArrivesAndThenDecays()
    {
        var trace = Membrane(Driven(Node("LI", ("tau", [0.02]), ("r", [2.0]), ("v_leak", [0.0])), weight: 0.01, bias: 0), 20, out var times, 2.0);
        for (int k = 0; k < trace.Length; k++)
        {
            double expected = times[k] < 2.1 - 1e-9 ? 0 : Math.Exp(-(times[k] - 2.1) / 20);
            Assert.Equal(expected, trace[k], tolerance: 1e-5);
        }
    }

    [Fact]
    public void LifUnderConstantBiasFiresWithTheClosedFormPeriod()
    {
        var lif = Node("LIF", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]), ("v_threshold", [1.0]), ("v_reset", [0.0]));
        double firstCrossing = -10 * Math.Log(1 - 1.0 / 2.0);
        long period = (long)Math.Ceiling(firstCrossing / Dt);
        Assert.Equal([period, 2 * period, 3 * period], Spikes(Driven(lif, weight: 0, bias: 2), 25));
    }

    [Fact]
    public void IntegrateAndFireUnderConstantBiasFiresEveryThresholdOverRTimesBias()
    {
        var neuron = Node("IF", ("r", [1.0]), ("v_threshold", [0.555]), ("v_reset", [0.0]));
        Assert.Equal([56L, 112L, 168L], Spikes(Driven(neuron, weight: 0, bias: 100), 20));
    }

    [Fact]
    public void IntegratorRampsLinearlyAtRTimesBias()
    {
        var trace = Membrane(Driven(Node("I", ("r", [2.0])), weight: 0, bias: 5), 30, out var times);
        for (int k = 0; k < trace.Length; k++)
        {
            Assert.Equal(0.01 * times[k], trace[k], tolerance: 1e-4);
        }
    }

    [Fact]
    public void CubaLeakyIntegratorFollowsTheDifferenceOfExponentialsAfterASpike()
    {
        var neuron = Node("CubaLI", ("tau_syn", [0.003]), ("tau_mem", [0.012]), ("r", [1.5]), ("v_leak", [0.0]), ("w_in", [2.0]));
        var trace = Membrane(Driven(neuron, weight: 0.003, bias: 0), 40, out var times, 1.0);
        for (int k = 0; k < trace.Length; k++)
        {
            double s = times[k] - 1.1;
            double expected = s < -1e-9 ? 0 : Math.Exp(-s / 12) - Math.Exp(-s / 3);
            Assert.Equal(expected, trace[k], tolerance: 1e-5);
        }
    }

    [Fact]
    public void CubaLeakyIntegratorWithEqualTimeConstantsFollowsTheAlphaFunction()
    {
        var neuron = Node("CubaLI", ("tau_syn", [0.005]), ("tau_mem", [0.005]), ("r", [1.0]), ("v_leak", [0.0]), ("w_in", [1.0]));
        var trace = Membrane(Driven(neuron, weight: 0.005, bias: 0), 30, out var times, 1.0);
        for (int k = 0; k < trace.Length; k++)
        {
            double s = Math.Max(0, times[k] - 1.1);
            Assert.Equal(s / 5 * Math.Exp(-s / 5), trace[k], tolerance: 1e-5);
        }
    }

    [Fact]
    public void CubaBiasEntersThroughTheSynapticFilter()
    {
        var neuron = Node("CubaLI", ("tau_syn", [0.004]), ("tau_mem", [0.01]), ("r", [1.0]), ("v_leak", [0.0]), ("w_in", [1.0]));
        var trace = Membrane(Driven(neuron, weight: 0, bias: 2), 40, out var times);
        for (int k = 0; k < trace.Length; k++)
        {
            double t = times[k];
            Assert.Equal(2 * (1 - (10 * Math.Exp(-t / 10) - 4 * Math.Exp(-t / 4)) / 6), trace[k], tolerance: 1e-4);
        }
    }

    [Fact]
    public void ThresholdAfterLeakyIntegratorFiresInEveryStepTheMembraneIsAbove()
    {
        var graph = new NirGraph(
            [
                KeyValuePair.Create("input", Input(1)),
                KeyValuePair.Create("affine", Node("Affine", ("weight", NirTensor.Matrix(1, 1, [0.0])), ("bias", NirTensor.Vector(1.0)))),
                KeyValuePair.Create("li", Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]))),
                KeyValuePair.Create("threshold", Node("Threshold", ("threshold", [0.5]))),
                KeyValuePair.Create("output", Output(1)),
            ],
            [new("input", "affine"), new("affine", "li"), new("li", "threshold"), new("threshold", "output")]);
        int first = (int)Math.Ceiling(10 * Math.Log(2) / Dt);
        Assert.Equal(Enumerable.Range(first, 101 - first).Select(k => (long)k), Spikes(graph, 10));
    }

    [Fact]
    public void LinearThenScaleMultiplyIntoTheSynapticWeights()
    {
        var graph = Chain(
            ("input", Input(2)),
            ("linear", Node("Linear", ("weight", NirTensor.Matrix(1, 2, [0.5, -0.25])))),
            ("scale", Node("Scale", ("scale", [4.0]))),
            ("li", Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]))),
            ("output", Output(1)));
        var table = graph.ToNetwork(new NirImportOptions { Dt = Dt }).Network.Projections.Single().Instantiate();
        Assert.Equal([0, 1], table.Sources);
        Assert.Equal([2f, -1f], table.Weights);
        Assert.Equal([(ushort)1, (ushort)1], table.DelaySteps);
    }

    [Fact]
    public void SpikeAreaReproducesExportsThatTreatASpikeAsOneForOneStep()
    {
        var neuron = Node("LI", ("tau", [0.01]), ("r", [0.01 / 0.001]), ("v_leak", [0.0]));
        var imported = Driven(neuron, weight: 0.3, bias: 0).ToNetwork(new NirImportOptions
        {
            Dt = Dt,
            SpikeArea = 0.001,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[1.0]] },
        });
        using var simulation = SimulationHelpers.Run(imported.Network, 1.1);
        Assert.Equal(0.3, simulation.GetState(imported.Outputs["output"].Membrane!).Trace(0)[^1], tolerance: 1e-6);
    }

    [Fact]
    public void DelayNodeAddsWholeStepsToEverySynapse()
    {
        var graph = Chain(
            ("input", Input(2)),
            ("delay", Node("Delay", ("delay", [0.0003, 0.0]))),
            ("linear", Node("Linear", ("weight", NirTensor.Matrix(1, 2, [1.0, 1.0])))),
            ("lif", Node("LIF", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]), ("v_threshold", [1.0]))),
            ("output", Output(1)));
        var table = graph.ToNetwork(new NirImportOptions { Dt = Dt }).Network.Projections.Single().Instantiate();
        Assert.Equal([(ushort)4, (ushort)1], table.DelaySteps);
    }

    [Fact]
    public void DelayThatIsNotAWholeNumberOfStepsIsRejectedNamingTheNodeAndDt()
    {
        var graph = Chain(
            ("input", Input(1)),
            ("late", Node("Delay", ("delay", [0.00015]))),
            ("linear", Node("Linear", ("weight", NirTensor.Matrix(1, 1, [1.0])))),
            ("li", Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]))),
            ("output", Output(1)));
        var error = Assert.Throws<ArgumentException>(() => graph.ToNetwork(new NirImportOptions { Dt = Dt }));
        Assert.Contains("'late'", error.Message);
        Assert.Contains("dt = 0.1", error.Message);
        Assert.NotNull(graph.ToNetwork(new NirImportOptions { Dt = 0.05 }));
    }

    [Fact]
    public void Conv1dBecomesTheSparseMatrixOfADirectCrossCorrelation()
    {
        var weight = Enumerable.Range(0, 4 * 1 * 3).Select(i => 0.1 * (i + 1)).ToArray();
        var conv = new NirNode("Conv1d", new Dictionary<string, NirTensor>
        {
            ["weight"] = new(weight, [4, 1, 3]),
            ["bias"] = NirTensor.Vector(0, 0, 0, 0),
            ["stride"] = NirTensor.Integers(2),
            ["padding"] = NirTensor.Integers(1),
            ["dilation"] = NirTensor.Integers(2),
            ["groups"] = NirTensor.Integers(2),
            ["input_shape"] = NirTensor.Integers(9),
        });
        int outLength = (9 + 2 - 2 * 2 - 1) / 2 + 1;
        var graph = Chain(("input", Input(2, 9)), ("conv", conv),
            ("li", Node("LI", ("tau", Enumerable.Repeat(0.01, 4 * outLength).ToArray()), ("r", [1.0]), ("v_leak", [0.0]))), ("output", Output(4, outLength)));
        var table = graph.ToNetwork(new NirImportOptions { Dt = Dt }).Network.Projections.Single().Instantiate();
        var actual = new double[4 * outLength, 18];
        for (int s = 0; s < table.Count; s++)
        {
            actual[table.Targets[s], table.Sources[s]] += table.Weights[s];
        }
        var expected = new double[4 * outLength, 18];
        for (int co = 0; co < 4; co++)
        {
            int ci = co / 2;
            for (int o = 0; o < outLength; o++)
            {
                for (int k = 0; k < 3; k++)
                {
                    int i = o * 2 - 1 + k * 2;
                    if (i >= 0 && i < 9)
                    {
                        expected[co * outLength + o, ci * 9 + i] += (float)weight[co * 3 + k];
                    }
                }
            }
        }
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void AvgPool2dDividesEachWindowByItsAreaAndFlattenKeepsRowMajorOrder()
    {
        var pool = new NirNode("AvgPool2d", new Dictionary<string, NirTensor>
        {
            ["kernel_size"] = NirTensor.Integers(2, 2),
            ["stride"] = NirTensor.Integers(2, 2),
            ["padding"] = NirTensor.Integers(0, 0),
        });
        var graph = Chain(("input", Input(1, 4, 4)), ("pool", pool), ("flatten", new NirNode("Flatten")),
            ("li", Node("LI", ("tau", new NirTensor(Enumerable.Repeat(0.01, 4).ToArray(), [4])), ("r", NirTensor.Scalar(1)), ("v_leak", NirTensor.Scalar(0)))),
            ("output", Output(4)));
        var table = graph.ToNetwork(new NirImportOptions { Dt = Dt }).Network.Projections.Single().Instantiate();
        Assert.Equal(16, table.Count);
        Assert.All(table.Weights, w => Assert.Equal(0.25f, w));
        for (int s = 0; s < table.Count; s++)
        {
            int y = table.Sources[s] / 4;
            int x = table.Sources[s] % 4;
            Assert.Equal(y / 2 * 2 + x / 2, table.Targets[s]);
        }
    }

    [Fact]
    public void LeakyIntegratorFeedingAnotherLayerIsNotSupportedAndNamesTheNode()
    {
        var graph = Chain(
            ("input", Input(1)),
            ("fc1", Node("Linear", ("weight", NirTensor.Matrix(1, 1, [1.0])))),
            ("hidden", Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]))),
            ("fc2", Node("Linear", ("weight", NirTensor.Matrix(1, 1, [1.0])))),
            ("lif", Node("LIF", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0]), ("v_threshold", [1.0]))),
            ("output", Output(1)));
        var error = Assert.Throws<NotSupportedException>(() => graph.ToNetwork());
        Assert.Contains("'hidden'", error.Message);
    }

    [Fact]
    public void InputSpikesOfTheWrongWidthAreRejectedNamingTheInput()
    {
        var graph = Driven(Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0])), 1, 0);
        var error = Assert.Throws<ArgumentException>(() => graph.ToNetwork(new NirImportOptions
        {
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[1.0], [2.0]] },
        }));
        Assert.Contains("'input'", error.Message);
    }

    /// <summary>Two NIR events of one channel are two Dirac deltas; a spike source fires once per
    /// step, so two events in one step of dt are refused rather than merged into one.</summary>
    [Fact]
    public void TwoInputEventsOfOneChannelInOneStepAreRefusedNamingChannelAndTimes()
    {
        var graph = Driven(Node("LI", ("tau", [0.01]), ("r", [1.0]), ("v_leak", [0.0])), 1, 0);
        var error = Assert.Throws<ArgumentException>(() => graph.ToNetwork(new NirImportOptions
        {
            Dt = 0.1,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[3.0, 1.0, 1.04]] },
        }));
        Assert.Contains("options.InputSpikes['input'][0]", error.Message);
        Assert.Contains("1 ms and 1.04 ms", error.Message);
        var separated = graph.ToNetwork(new NirImportOptions
        {
            Dt = 0.01,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [[3.0, 1.0, 1.04]] },
        });
        Assert.Equal([100L, 104L, 300L], separated.Inputs["input"].SpikeTimesInSteps()[0]);
    }

    private static NirGraph Driven(NirNode neuron, double weight, double bias) => Chain(
        ("input", Input(1)),
        ("affine", Node("Affine", ("weight", NirTensor.Matrix(1, 1, [weight])), ("bias", NirTensor.Vector(bias)))),
        ("neuron", neuron),
        ("output", Output(1)));

    private static float[] Membrane(NirGraph graph, double durationMs, out double[] times, params double[] inputTimes)
    {
        var imported = graph.ToNetwork(new NirImportOptions
        {
            Dt = Dt,
            InputSpikes = new Dictionary<string, double[][]> { ["input"] = [inputTimes] },
        });
        using var simulation = SimulationHelpers.Run(imported.Network, durationMs);
        var record = simulation.GetState(imported.Outputs["output"].Membrane!);
        times = record.Times;
        return record.Trace(0);
    }

    private static long[] Spikes(NirGraph graph, double durationMs)
    {
        var imported = graph.ToNetwork(new NirImportOptions { Dt = Dt });
        using var simulation = SimulationHelpers.Run(imported.Network, durationMs);
        return simulation.GetSpikes(imported.OutputSpikes).Steps;
    }
}
