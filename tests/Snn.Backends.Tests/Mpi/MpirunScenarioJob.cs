using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Snn.Tests.Shared.Conformance;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// A job of the MPI driver's <c>serve</c> command under <c>mpirun</c>: the driver compiles a scenario on
/// every rank and answers one <see cref="ScenarioRequest"/> at a time. A reply that does not come within
/// the deadline kills the whole job and fails the call with the job's output, so a hanging rank fails
/// the test instead of blocking the run.
/// </summary>
internal sealed class MpirunScenarioJob : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _replies = new();
    private readonly StringBuilder _output = new();
    private readonly TimeSpan _deadline;
    private readonly string _command;

    /// <summary>Starts the job on <paramref name="ranks"/> ranks and waits for its first reply (the compiled network's description).</summary>
    public MpirunScenarioJob(int ranks, ScenarioRecipe recipe, TimeSpan deadline)
    {
        _deadline = deadline;
        string[] arguments = ["serve", .. recipe.ToArguments()];
        _command = $"mpirun -np {ranks} {string.Join(' ', arguments)}";
        var start = MpiLauncher.StartInfo(ranks, arguments);
        start.RedirectStandardInput = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Ready = NextReply("compile");
    }

    /// <summary>The first reply: the served network's shape and capabilities.</summary>
    public ScenarioReply Ready { get; }

    /// <summary>Sends <paramref name="request"/> and returns its reply; rethrows what the engine refused the call with.</summary>
    public ScenarioReply Call(ScenarioRequest request)
    {
        _process.StandardInput.WriteLine(JsonSerializer.Serialize(request));
        _process.StandardInput.Flush();
        var reply = NextReply(request.Op);
        if (reply.Error is null)
        {
            return reply;
        }
        var type = Type.GetType(reply.ErrorType ?? "") ?? typeof(Exception);
        if (typeof(ArgumentException).IsAssignableFrom(type))
        {
            throw new ArgumentException(reply.Error);
        }
        if (typeof(NotSupportedException).IsAssignableFrom(type))
        {
            throw new NotSupportedException(reply.Error);
        }
        throw new InvalidDataException(reply.Error);
    }

    private ScenarioReply NextReply(string call)
    {
        if (!_replies.TryTake(out string? line, _deadline))
        {
            if (!_replies.IsCompleted)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
                Assert.Fail($"{_command} gave no reply to '{call}' within {_deadline.TotalSeconds} s and was killed:\n{Output()}");
            }
            _process.WaitForExit();
            Assert.Fail($"{_command} ended with {_process.ExitCode} before replying to '{call}':\n{Output()}");
        }
        return JsonSerializer.Deserialize<ScenarioReply>(line) ?? throw new InvalidDataException($"An empty reply to '{call}'.");
    }

    private void Receive(string? line)
    {
        if (line is null)
        {
            _replies.CompleteAdding();
        }
        else if (line.Contains(ScenarioReply.Marker, StringComparison.Ordinal))
        {
            // mpirun forwards rank 0's output through a terminal, so .NET may put terminal codes before the marker.
            _replies.Add(line[(line.IndexOf(ScenarioReply.Marker, StringComparison.Ordinal) + ScenarioReply.Marker.Length)..]);
        }
        else
        {
            Log(line);
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    /// <summary>Tells the job to quit and waits for it; kills it when it does not end within the deadline.</summary>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            try
            {
                _process.StandardInput.WriteLine(JsonSerializer.Serialize(new ScenarioRequest(ScenarioRequest.Quit)));
                _process.StandardInput.Close();
            }
            catch (IOException)
            {
                // The job has ended on its own; there is nothing left to tell it.
            }
            if (!_process.WaitForExit(_deadline))
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.WaitForExit();
        _process.Dispose();
        _replies.Dispose();
    }
}
