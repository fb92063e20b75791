using Snn.Bench.Compare;

namespace Snn.Bench.Tests.Compare;

/// <summary>A fact that is skipped (with the reason shown) when Debian's Python has no PyTorch.</summary>
public sealed class TorchFactAttribute : FactAttribute
{
    public TorchFactAttribute()
    {
        var peer = TorchDelayPeer.Default();
        if (peer is null)
        {
            Skip = $"peers/{TorchDelayPeer.ScriptName} is not next to the test assembly.";
        }
        else if (!peer.IsAvailable())
        {
            Skip = TorchDelayPeer.InstallHint;
        }
    }
}
