namespace Snn.Backends.Crossbar;

/// <summary>Work arrays of one wire-drop read, grown as needed and reused between reads.</summary>
internal sealed class ReadScratch(int rows, int columns)
{
    public double[] RowVoltage { get; } = new double[Math.Max(1, rows * columns)];

    public double[] ColumnVoltage { get; } = new double[Math.Max(1, rows * columns)];

    public double[] ColumnSum { get; } = new double[Math.Max(1, columns)];

    public double[] ColumnTail { get; } = new double[Math.Max(1, columns)];
}
