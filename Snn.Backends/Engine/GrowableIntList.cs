namespace Snn.Backends.Engine;

/// <summary>A reusable list of ints that keeps its storage when cleared (no allocation per step).</summary>
internal sealed class GrowableIntList
{
    private int[] _items = new int[16];

    public int Count { get; private set; }

    public ReadOnlySpan<int> Items => _items.AsSpan(0, Count);

    public void Add(int item)
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, Count * 2);
        }
        _items[Count++] = item;
    }

    public void Clear() => Count = 0;
}
