namespace Snn.Core.Connections;

/// <summary>Source i to target i.</summary>
public sealed class OneToOneConnectivity : Connectivity
{
    /// <inheritdoc />
    public override bool GeneratesPerTarget => true;

    /// <inheritdoc />
    public override string ToString() => "one-to-one";

    /// <inheritdoc />
    public override void Generate(in ConnectionContext context, ConnectionBuffer output)
    {
        if (context.SourceSize != context.TargetSize)
        {
            throw new ArgumentException($"One-to-one projection {context.Description} needs equal sizes; source has {context.SourceSize}, target {context.TargetSize}.", "connectivity");
        }
        for (int i = context.FirstTarget; i < context.EndTarget; i++)
        {
            output.Add(i, i);
        }
    }
}
