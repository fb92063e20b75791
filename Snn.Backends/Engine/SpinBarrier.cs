namespace Snn.Backends.Engine;

/// <summary>
/// A sense-reversing barrier that spins (then yields) instead of blocking in the kernel: a step
/// of a small network lasts microseconds, far less than a kernel wake-up. It can be aborted so that
/// a failing worker does not leave the others waiting forever.
/// </summary>
internal sealed class SpinBarrier(int participants)
{
    private readonly int _participants = participants;
    private int _remaining = participants;
    private volatile int _sense;
    private volatile bool _aborted;

    /// <summary>Whether <see cref="Abort"/> was called.</summary>
    public bool IsAborted => _aborted;

    /// <summary>Waits until every participant has arrived; <paramref name="localSense"/> is the
    /// caller's own flag, starting at 0.</summary>
    public void SignalAndWait(ref int localSense)
    {
        localSense ^= 1;
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            _remaining = _participants;
            _sense = localSense;
            return;
        }
        var spinner = new SpinWait();
        while (_sense != localSense)
        {
            if (_aborted)
            {
                throw new OperationCanceledException("Another simulation thread failed.");
            }
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Releases every waiter with an <see cref="OperationCanceledException"/>.</summary>
    public void Abort() => _aborted = true;
}
