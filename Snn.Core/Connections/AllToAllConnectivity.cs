namespace Snn.Core.Connections;

/// <summary>Every source to every target.</summary>
/// <param name="allowAutapses">Whether a neuron may connect to itself.</param>
public sealed class AllToAllConnectivity(bool allowAutapses) : Connectivity
{
    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => $"all-to-all(autapses={allowAutapses})";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        output.EnsureCapacity(output.Count + (long)context.SourceSize * (context.EndTarget - context.FirstTarget));
        for (int target = context.FirstTarget; target < context.EndTarget; target++)
        {
            for (int source = 0; source < context.SourceSize; source++)
            {
                if (allowAutapses || !context.SamePopulation || source != target)
                {
                    output.Add(source, target);
                }
            }
        }
    }
}
