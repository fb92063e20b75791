using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using Snn.Backends.Mpi;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Simulation;
using Snn.Tests.Shared.Conformance;

namespace Snn.MpiDriver;

/// <summary>
/// Serves a conformance scenario compiled on the MPI engine to the test process that started the job:
/// rank 0 reads one <see cref="ScenarioRequest"/> per line from standard input and hands it to every
/// rank, every rank makes the call (the calls are collective), and once every rank is done rank 0
/// writes the <see cref="ScenarioReply"/> to standard output. A call the engine refuses (an argument out of range,
/// a corrupt checkpoint) is answered with its exception and the job goes on; standard input closing
/// ends the job as <see cref="ScenarioRequest.Quit"/> does.
/// </summary>
internal static class ScenarioServer
{
    /// <summary>Builds <paramref name="recipe"/>'s network, compiles it and answers calls until told to quit.</summary>
    public static int Serve(MpiSession session, ScenarioRecipe recipe)
    {
        var network = ConformanceNetworks.Build(recipe).Network;
        var backend = new MpiBackend(session);
        using var simulation = backend.CompileDistributed(network);
        Answer(session, new ScenarioReply
        {
            StepCount = simulation.StepCount,
            BackendCapabilities = backend.Capabilities,
            SimulationCapabilities = simulation.Capabilities(),
            Shape = ScenarioReply.ShapeOf(network),
        });
        for (var request = Receive(session); request.Op != ScenarioRequest.Quit; request = Receive(session))
        {
            ScenarioReply reply;
            try
            {
                reply = Call(simulation, network, request) with { StepCount = simulation.StepCount };
            }
            catch (Exception error) when (error is ArgumentException or NotSupportedException or InvalidDataException)
            {
                reply = new ScenarioReply { StepCount = simulation.StepCount, ErrorType = error.GetType().FullName, Error = error.Message };
            }
            // Every rank has finished the call (read or written its files) before the test process reads the answer.
            session.Barrier();
            Answer(session, reply);
        }
        return 0;
    }

    private static ScenarioReply Call(MpiSimulation simulation, Network network, ScenarioRequest request)
    {
        switch (request.Op)
        {
            case ScenarioRequest.Run:
                simulation.Run(request.Value);
                return new ScenarioReply();
            case ScenarioRequest.Spikes:
                return ScenarioReply.Of(simulation.GetSpikes((SpikeMonitor)network.Monitors[request.Index], request.Value));
            case ScenarioRequest.Discard:
                simulation.DiscardSpikes(request.Value);
                return new ScenarioReply();
            case ScenarioRequest.State:
                return ScenarioReply.Of(simulation.GetState((StateMonitor)network.Monitors[request.Index]));
            case ScenarioRequest.Rate:
                return ScenarioReply.Of(simulation.GetRate((RateMonitor)network.Monitors[request.Index]));
            case ScenarioRequest.Weights:
                return ScenarioReply.Of(simulation.GetWeights(network.Projections[request.Index]));
            case ScenarioRequest.SetWeights:
                simulation.SetWeights(network.Projections[request.Index], MemoryMarshal.Cast<byte, float>(File.ReadAllBytes(request.Path!)));
                return new ScenarioReply();
            case ScenarioRequest.WeightRecord:
                return ScenarioReply.Of(simulation.GetWeights(network.WeightMonitors[request.Index]));
            case ScenarioRequest.Modulator:
                return ScenarioReply.Of(simulation.GetModulator(network.Modulators[request.Index]));
            case ScenarioRequest.SetModulator:
                simulation.SetModulator(network.Modulators[request.Index], request.Value);
                return new ScenarioReply();
            case ScenarioRequest.Save:
                simulation.SaveCheckpoint(request.Path!);
                return new ScenarioReply();
            case ScenarioRequest.Restore:
                simulation.RestoreCheckpoint(request.Path!);
                return new ScenarioReply();
            default:
                throw new ArgumentException($"Unknown call '{request.Op}'.", nameof(request));
        }
    }

    /// <summary>Collective: rank 0's next request line (quit when its input has ended), on every rank.</summary>
    private static ScenarioRequest Receive(MpiSession session)
    {
        byte[] line = session.Rank == 0 ? Encoding.UTF8.GetBytes(Console.In.ReadLine() ?? JsonSerializer.Serialize(new ScenarioRequest(ScenarioRequest.Quit))) : [];
        Span<int> length = [line.Length];
        session.Broadcast(length, root: 0);
        Array.Resize(ref line, length[0]);
        session.Broadcast<byte>(line, root: 0);
        return JsonSerializer.Deserialize<ScenarioRequest>(line) ?? throw new InvalidDataException("An empty request line.");
    }

    private static void Answer(MpiSession session, ScenarioReply reply)
    {
        if (session.Rank == 0)
        {
            Console.Out.WriteLine(ScenarioReply.Marker + JsonSerializer.Serialize(reply));
            Console.Out.Flush();
        }
    }
}
