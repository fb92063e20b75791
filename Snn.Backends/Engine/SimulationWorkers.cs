using System.Runtime.ExceptionServices;

namespace Snn.Backends.Engine;

/// <summary>Runs the steps of partition p on thread p: the caller runs partition 0 and persistent
/// background threads the others, meeting at a spin barrier every step.</summary>
internal sealed class SimulationWorkers : IDisposable
{
    private readonly Action<int, long, long, SpinBarrier?> _runPart;
    private readonly SemaphoreSlim[] _start;
    private readonly CountdownEvent _done;
    private readonly int _parts;
    private SpinBarrier _barrier;
    private long _first;
    private long _steps;
    private Exception? _failure;
    private volatile bool _disposed;

    public SimulationWorkers(int parts, Action<int, long, long, SpinBarrier?> runPart)
    {
        _parts = parts;
        _runPart = runPart;
        _barrier = new SpinBarrier(parts);
        _done = new CountdownEvent(parts - 1);
        _start = new SemaphoreSlim[parts];
        for (int p = 1; p < parts; p++)
        {
            _start[p] = new SemaphoreSlim(0);
            int part = p;
            var thread = new Thread(() => Work(part)) { IsBackground = true, Name = $"snn-cpu-{p}" };
            thread.Start();
        }
    }

    public void Run(long first, long steps)
    {
        _first = first;
        _steps = steps;
        _failure = null;
        _barrier = new SpinBarrier(_parts);
        _done.Reset(_parts - 1);
        for (int p = 1; p < _parts; p++)
        {
            _start[p].Release();
        }
        Execute(0);
        _done.Wait();
        if (_failure is not null)
        {
            ExceptionDispatchInfo.Capture(_failure).Throw();
        }
    }

    private void Work(int part)
    {
        while (true)
        {
            _start[part].Wait();
            if (_disposed)
            {
                return;
            }
            Execute(part);
            _done.Signal();
        }
    }

    private void Execute(int part)
    {
        try
        {
            _runPart(part, _first, _steps, _barrier);
        }
        catch (OperationCanceledException) when (_barrier.IsAborted)
        {
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref _failure, e, null);
            _barrier.Abort();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        for (int p = 1; p < _parts; p++)
        {
            _start[p].Release();
        }
    }
}
