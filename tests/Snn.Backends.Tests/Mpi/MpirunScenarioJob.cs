using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Snn.Tests.Shared.Conformance;

namespace Snn.Backends.Tests.Mpi;

/// <summary>
/// A job of the MPI driver's <c>serve</c> command under <c>mpirun</c>, which compiles scenarios on every
/// rank and answers one <see cref="ScenarioRequest"/> at a time. The tests share one job per rank count
/// (<see cref="For"/>), so each rank starts once per test run; the job quits when the test process exits
/// (or, failing that, when its input closes). A reply that does not come within the deadline kills the whole job and fails the call with the
/// job's output, so a hanging rank fails the test instead of blocking the run; the next call on that rank
/// count starts a fresh job.
/// </summary>
internal sealed class MpirunScenarioJob
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly Dictionary<int, MpirunScenarioJob> Running = [];

    private readonly Process _process;
    private readonly BlockingCollection<string> _replies = new();
    private readonly StringBuilder _output = new();
    private readonly Lock _calls = new();
    private readonly string _command;
    private readonly string _requests = Path.Combine(Path.GetTempPath(), $"snn-mpirun-{Guid.NewGuid():N}");

    /// <summary>Starts the job on <paramref name="ranks"/> ranks and waits for its first reply (what the MPI backend claims).</summary>
    private MpirunScenarioJob(int ranks)
    {
        _command = $"mpirun -np {ranks} serve {_requests}";
        var start = MpiLauncher.StartInfo(ranks, ["serve", _requests]);
        start.RedirectStandardInput = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException("mpirun did not start.");
        _process.OutputDataReceived += (_, e) => Receive(e.Data);
        _process.ErrorDataReceived += (_, e) => Log(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Ready = NextReply("start");
    }

    /// <summary>The first reply: what the MPI backend claims.</summary>
    public ScenarioReply Ready { get; }

    /// <summary>Whether the job has ended (told to quit, killed, or failed).</summary>
    public bool HasEnded => _process.HasExited;

    /// <summary>The running job on <paramref name="ranks"/> ranks, started when there is none.</summary>
    public static MpirunScenarioJob For(int ranks)
    {
        lock (Running)
        {
            if (!Running.TryGetValue(ranks, out var job) || job.HasEnded)
            {
                job = new MpirunScenarioJob(ranks);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => job.Quit();
                Running[ranks] = job;
            }
            return job;
        }
    }

    /// <summary>Sends <paramref name="request"/> and returns its reply; rethrows what the engine refused the call with.</summary>
    public ScenarioReply Call(ScenarioRequest request)
    {
        ScenarioReply reply;
        lock (_calls)
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(request));
            _process.StandardInput.Flush();
            reply = NextReply(request.Op);
        }
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

    /// <summary>Tells the job to quit and waits for it, killing it when it does not end within the deadline.</summary>
    public void Quit()
    {
        lock (_calls)
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
                    // The job is ending on its own; there is nothing left to tell it.
                }
                if (!_process.WaitForExit(Deadline))
                {
                    _process.Kill(entireProcessTree: true);
                    _process.WaitForExit();
                }
            }
        }
    }

    private ScenarioReply NextReply(string call)
    {
        if (!_replies.TryTake(out string? line, Deadline))
        {
            if (!_replies.IsCompleted)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
                Assert.Fail($"{_command} gave no reply to '{call}' within {Deadline.TotalSeconds} s and was killed:\n{Output()}");
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
}
