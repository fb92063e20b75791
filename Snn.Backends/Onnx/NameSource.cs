namespace Snn.Backends.Onnx;

/// <summary>Hands out value and node names unique within one exported model.</summary>
internal sealed class NameSource
{
    private int _next;

    /// <summary>A fresh name starting with <paramref name="stem"/>.</summary>
    public string Next(string stem) => $"{stem}_{_next++}";
}
