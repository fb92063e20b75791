using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.ML.OnnxRuntime;
using Snn.Backends.Onnx;
using Snn.Backends.Onnx.Proto;
using Snn.Core.Randomness;

namespace Snn.MicroBench;

/// <summary>
/// The two ONNX Runtime operators that spike-driven delivery in the ONNX fast form runs every step,
/// at the recurrent liquid's size at batch 32 (<c>snn-bench run onnx-throughput</c>), each against a
/// plain C# loop that does the same work, the way the CPU engine does it:
/// <list type="bullet">
/// <item>delivery: <c>ScatterElements</c> (reduction add) of <see cref="Updates"/> weights at random
/// places of a ring of 32 × 5 delays × 2000 receiving columns (batch entry by batch entry, as the
/// fast form delivers them), and the same operator with a single update
/// (its fixed cost: a copy of the ring), against <c>ring[place] += weight</c> over the same updates;</item>
/// <item>spike list: <c>NonZero</c> of a [32, 1000] spike tensor with 6 % ones (the liquid's rate per
/// step), against a loop that lists the indices of the ones.</item>
/// </list>
/// One thread, the models' inputs bound once, ONNX Runtime's overhead per run included.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class OnnxOperatorBenchmarks
{
    /// <summary>Updates per step: 32 batch entries × 58 spikes × 50 padded synapses.</summary>
    public const int Updates = 93_000;

    private const int Batch = 32;
    private const int Ring = 5 * 2000;
    private const int Neurons = 1000;

    private readonly float[] _ring = new float[Batch * Ring];
    private readonly float[] _spikes = new float[Batch * Neurons];
    private readonly List<long> _spikeIndices = new(Batch * Neurons);
    private long[] _places = [];
    private float[] _weights = [];
    private InferenceSession? _scatter;
    private InferenceSession? _scatterOne;
    private InferenceSession? _nonZero;
    private OrtValue? _ringValue;
    private OrtValue? _spikeValue;
    private RunOptions? _runOptions;

    /// <summary>Draws the places, weights and spikes and builds the three one-operator models.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new CounterRng(1, RngStreams.User(90), 0);
        _places = new long[Updates];
        _weights = new float[Updates];
        for (int i = 0; i < Updates; i++)
        {
            // In batch order, as the fast form lists the spikes (row-major NonZero of [batch, neurons]).
            int entry = (int)((long)i * Batch / Updates);
            _places[i] = (long)entry * Ring + (long)(rng.NextDouble() * Ring);
            _weights[i] = (float)rng.NextDouble();
        }
        for (int i = 0; i < _spikes.Length; i++)
        {
            _spikes[i] = rng.NextDouble() < 0.06 ? 1f : 0f;
        }
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        _scatter = new InferenceSession(ScatterModel(_places, _weights), options);
        _scatterOne = new InferenceSession(ScatterModel(_places[..1], _weights[..1]), options);
        _nonZero = new InferenceSession(NonZeroModel(), options);
        _ringValue = OrtValue.CreateTensorValueFromMemory(_ring, [_ring.Length]);
        _spikeValue = OrtValue.CreateTensorValueFromMemory(_spikes, [Batch, Neurons]);
        _runOptions = new RunOptions();
    }

    /// <summary>Releases the sessions and bound inputs.</summary>
    [GlobalCleanup]
    public void Cleanup()
    {
        _scatter?.Dispose();
        _scatterOne?.Dispose();
        _nonZero?.Dispose();
        _ringValue?.Dispose();
        _spikeValue?.Dispose();
        _runOptions?.Dispose();
    }

    /// <summary>The engine's way: each update added in place.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("delivery")]
    public float LoopScatterAdd()
    {
        var ring = _ring.AsSpan();
        for (int i = 0; i < _places.Length; i++)
        {
            ring[(int)_places[i]] += _weights[i];
        }
        return ring[0];
    }

    /// <summary><c>ScatterElements</c> with reduction add of all updates (its output is a new ring).</summary>
    [Benchmark, BenchmarkCategory("delivery")]
    public int OnnxScatterAdd() => Run(_scatter!, _ringValue!);

    /// <summary>The same operator with one update: what it costs before the first update.</summary>
    [Benchmark, BenchmarkCategory("delivery")]
    public int OnnxScatterAddOneUpdate() => Run(_scatterOne!, _ringValue!);

    /// <summary>The engine's way: the indices of the ones, in one pass.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("spike list")]
    public int LoopSpikeList()
    {
        _spikeIndices.Clear();
        for (int i = 0; i < _spikes.Length; i++)
        {
            if (_spikes[i] != 0f)
            {
                _spikeIndices.Add(i);
            }
        }
        return _spikeIndices.Count;
    }

    /// <summary><c>NonZero</c> of the spike tensor.</summary>
    [Benchmark, BenchmarkCategory("spike list")]
    public int OnnxNonZero() => Run(_nonZero!, _spikeValue!);

    private int Run(InferenceSession session, OrtValue input)
    {
        using var results = session.Run(_runOptions!, ["x"], [input], ["y"]);
        return results.Count;
    }

    private static byte[] ScatterModel(long[] places, float[] weights)
    {
        var graph = new GraphBuilder(new NameSource());
        string indices = graph.Constant(GraphBuilder.TensorOf(places, [places.Length]));
        string updates = graph.Constant(GraphBuilder.TensorOf(weights, [weights.Length]));
        graph.OpInto("ScatterElements", ["x", indices, updates], ["y"], GraphBuilder.IntAttribute("axis", 0), GraphBuilder.StringAttribute("reduction", "add"));
        return Model(graph, GraphBuilder.ValueInfo("x", TensorProto.Types.DataType.Float, Batch * Ring), GraphBuilder.ValueInfo("y", TensorProto.Types.DataType.Float, Batch * Ring));
    }

    private static byte[] NonZeroModel()
    {
        var graph = new GraphBuilder(new NameSource());
        graph.OpInto("NonZero", ["x"], ["y"]);
        return Model(graph, GraphBuilder.ValueInfo("x", TensorProto.Types.DataType.Float, Batch, Neurons), GraphBuilder.ValueInfo("y", TensorProto.Types.DataType.Int64, 2, "spikes"));
    }

    private static byte[] Model(GraphBuilder graph, ValueInfoProto input, ValueInfoProto output)
    {
        var body = new GraphProto { Name = "operator" };
        body.Node.AddRange(graph.Nodes);
        body.Initializer.AddRange(graph.Initializers);
        body.Input.Add(input);
        body.Output.Add(output);
        var model = new ModelProto { IrVersion = OnnxExporter.IrVersion, Graph = body };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = OnnxExporter.Opset });
        return Google.Protobuf.MessageExtensions.ToByteArray(model);
    }
}
