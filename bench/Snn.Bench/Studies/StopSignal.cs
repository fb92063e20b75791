using System.Runtime.InteropServices;

namespace Snn.Bench.Studies;

/// <summary>Turns the first Ctrl+C (SIGINT) or SIGTERM into a cancellation, so that a long simulation
/// stops at its next checkpoint instead of dying; a second one ends the process at once, as it would
/// without this.</summary>
internal sealed class StopSignal : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;

    public StopSignal()
    {
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop), PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
        _source.Dispose();
    }

    private void Stop(PosixSignalContext context)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }
        context.Cancel = true;
        _source.Cancel();
    }
}
