namespace Snn.Core.Inputs;

/// <summary>A current source attached to some neurons of a population.</summary>
public sealed class CurrentInjection
{
    internal CurrentInjection(int index, Population target, CurrentSource source, int[] neurons)
    {
        Index = index;
        Target = target;
        Source = source;
        Neurons = neurons;
    }

    /// <summary>Position in <see cref="Network.Injections"/>.</summary>
    public int Index { get; }

    /// <summary>The population receiving the current.</summary>
    public Population Target { get; }

    /// <summary>The current.</summary>
    public CurrentSource Source { get; }

    /// <summary>The receiving neurons (population-local, ascending, distinct).</summary>
    public IReadOnlyList<int> Neurons { get; }
}
