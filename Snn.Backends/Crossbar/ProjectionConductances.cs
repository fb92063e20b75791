namespace Snn.Backends.Crossbar;

/// <summary>
/// The cells of one projection as programmed on a chip, one entry per synapse in generation order
/// (multapses with the same delay share their cell pair). Conductances in µS.
/// </summary>
public sealed class ProjectionConductances
{
    internal ProjectionConductances(int count)
    {
        TargetPlus = new double[count];
        TargetMinus = new double[count];
        ProgrammedPlus = new double[count];
        ProgrammedMinus = new double[count];
        ReadPlus = new double[count];
        ReadMinus = new double[count];
        FaultPlus = new CellFault[count];
        FaultMinus = new CellFault[count];
        EffectiveWeights = new float[count];
    }

    /// <summary>Target conductance of the positive cell, after level quantisation.</summary>
    public double[] TargetPlus { get; }

    /// <summary>Target conductance of the negative cell.</summary>
    public double[] TargetMinus { get; }

    /// <summary>Conductance of the positive cell right after programming (t₀), faults included.</summary>
    public double[] ProgrammedPlus { get; }

    /// <summary>Conductance of the negative cell right after programming (t₀).</summary>
    public double[] ProgrammedMinus { get; }

    /// <summary>Conductance of the positive cell at inference time (after drift), before read noise.</summary>
    public double[] ReadPlus { get; }

    /// <summary>Conductance of the negative cell at inference time.</summary>
    public double[] ReadMinus { get; }

    /// <summary>Fault of the positive cell.</summary>
    public CellFault[] FaultPlus { get; }

    /// <summary>Fault of the negative cell.</summary>
    public CellFault[] FaultMinus { get; }

    /// <summary>The weight each synapse's cell pair realises at inference time (unit of the target model),
    /// (G+ − G−)·WeightPerConductance·compensation, without read noise, wire drop or ADC.</summary>
    public float[] EffectiveWeights { get; }

    /// <summary>Weight units per µS of conductance difference.</summary>
    public double WeightPerConductance { get; internal set; }
}
