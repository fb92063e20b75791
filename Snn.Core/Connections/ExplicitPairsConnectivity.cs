namespace Snn.Core.Connections;

/// <summary>Exactly the given pairs, in order.</summary>
public sealed class ExplicitPairsConnectivity : Connectivity
{
    private readonly int[] _sources;
    private readonly int[] _targets;

    /// <summary>Creates the rule.</summary>
    public ExplicitPairsConnectivity(int[] sources, int[] targets)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        if (sources.Length != targets.Length)
        {
            throw new ArgumentException($"sources has {sources.Length} entries but targets has {targets.Length}; they must match.", nameof(targets));
        }
        _sources = (int[])sources.Clone();
        _targets = (int[])targets.Clone();
    }

    /// <inheritdoc />
    public override string ToString()
    {
        var hash = new StableHash();
        hash.Add<int>(_sources);
        hash.Add<int>(_targets);
        return $"pairs({_sources.Length}, {hash.Value:x16})";
    }

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        Validation.Guard.Indices(_sources, context.SourceSize, "sources");
        Validation.Guard.Indices(_targets, context.TargetSize, "targets");
        for (int i = 0; i < _sources.Length; i++)
        {
            output.Add(_sources[i], _targets[i]);
        }
    }
}
