using System.Runtime.InteropServices;
using System.Text.Json;
using Snn.Backends.Mpi;
using Snn.Core;
using Snn.Core.Monitors;
using Snn.Core.Simulation;
using Snn.Tests.Shared.Conformance;

namespace Snn.MpiDriver;

/// <summary>
/// Serves conformance scenarios compiled on the MPI engine to the test process that started the job:
/// rank 0 reads one <see cref="ScenarioRequest"/> per line from standard input and hands it to the
/// other ranks through a file named after the job (they look for it every few milliseconds, asleep in
/// between, so that a job waiting for the tests takes no processor time, as ranks waiting in an MPI
/// broadcast would), every rank makes the call (the calls are collective), and once every rank is done
/// rank 0 writes the <see cref="ScenarioReply"/> to standard output. One job holds any number of simulations
/// at once, each compiled from its recipe by <see cref="ScenarioRequest.Compile"/>, so a test run starts
/// one job per rank count. A call the engine refuses (an argument out of range, a corrupt checkpoint) is
/// answered with its exception and the job goes on; standard input closing ends the job as
/// <see cref="ScenarioRequest.Quit"/> does.
/// </summary>
internal static class ScenarioServer
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>Answers calls until told to quit, handing them on through files whose paths start with
    /// <paramref name="prefix"/>; the first answer, before any call, is what the MPI backend claims.</summary>
    public static int Serve(MpiSession session, string prefix)
    {
        var backend = new MpiBackend(session);
        var simulations = new Dictionary<int, MpiSimulation>();
        Answer(session, new ScenarioReply { BackendCapabilities = backend.Capabilities });
        try
        {
            int sequence = 0;
            for (var request = Receive(session, prefix, sequence); request.Op != ScenarioRequest.Quit; request = Receive(session, prefix, ++sequence))
            {
                ScenarioReply reply;
                try
                {
                    reply = Call(backend, simulations, request);
                }
                catch (Exception error) when (error is ArgumentException or NotSupportedException or InvalidDataException)
                {
                    reply = new ScenarioReply { ErrorType = error.GetType().FullName, Error = error.Message };
                }
                if (simulations.TryGetValue(request.Simulation, out var simulation))
                {
                    reply = reply with { StepCount = simulation.StepCount };
                }
                // Every rank has finished the call (read or written its files) before the test process reads the answer.
                session.Barrier();
                Answer(session, reply);
            }
        }
        finally
        {
            foreach (var simulation in simulations.Values)
            {
                simulation.Dispose();
            }
        }
        return 0;
    }

    private static ScenarioReply Call(MpiBackend backend, Dictionary<int, MpiSimulation> simulations, ScenarioRequest request)
    {
        if (request.Op == ScenarioRequest.Compile)
        {
            var recipe = request.Recipe ?? throw new ArgumentException("A compile call needs a recipe.", nameof(request));
            var compiled = backend.CompileDistributed(ConformanceNetworks.Build(recipe).Network);
            simulations.Add(request.Simulation, compiled);
            return new ScenarioReply { SimulationCapabilities = compiled.Capabilities(), Shape = ScenarioReply.ShapeOf(compiled.Network) };
        }
        var simulation = simulations.GetValueOrDefault(request.Simulation)
            ?? throw new ArgumentException($"No simulation {request.Simulation} is compiled in this job.", nameof(request));
        var network = simulation.Network;
        switch (request.Op)
        {
            case ScenarioRequest.Dispose:
                simulations.Remove(request.Simulation);
                simulation.Dispose();
                return new ScenarioReply();
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

    /// <summary>Collective: rank 0's next request line (quit when its input has ended), on every rank. Rank 0
    /// writes it to request file <paramref name="sequence"/> (whole, by renaming), the others wait for that
    /// file, and rank 0 deletes it once every rank has read it.</summary>
    private static ScenarioRequest Receive(MpiSession session, string prefix, int sequence)
    {
        string path = $"{prefix}-request-{sequence}.json";
        if (session.Rank == 0)
        {
            string line = Console.In.ReadLine() ?? JsonSerializer.Serialize(new ScenarioRequest(ScenarioRequest.Quit));
            File.WriteAllText(path + ".part", line);
            File.Move(path + ".part", path);
        }
        while (!File.Exists(path))
        {
            Thread.Sleep(PollInterval);
        }
        var request = JsonSerializer.Deserialize<ScenarioRequest>(File.ReadAllText(path)) ?? throw new InvalidDataException($"{path} holds no request.");
        session.Barrier();
        if (session.Rank == 0)
        {
            File.Delete(path);
        }
        return request;
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
