using System.Text;

namespace Snn.Backends.Gpu;

/// <summary>The device memory a network needs, item by item, checked against what the device
/// offers before anything is allocated.</summary>
internal sealed class DeviceMemoryPlan
{
    private readonly List<(string What, long Bytes)> _items = [];

    public long Total { get; private set; }

    public void Add(string what, long bytes)
    {
        _items.Add((what, bytes));
        Total = checked(Total + bytes);
    }

    /// <summary>Throws <see cref="GpuMemoryException"/> when the plan exceeds <paramref name="available"/> bytes.</summary>
    public void Check(long available, string device)
    {
        if (Total <= available)
        {
            return;
        }
        var text = new StringBuilder();
        text.Append($"The network needs {Format(Total)} of device memory but {device} offers {Format(available)}. Largest items: ");
        text.AppendJoin(", ", _items.OrderByDescending(i => i.Bytes).Take(6).Select(i => $"{i.What} {Format(i.Bytes)}"));
        text.Append(". Reduce the network, its largest delay (ring buffers hold one slot per delay step) or the monitors' batch (MonitorBatchSteps), or use a device with more memory.");
        throw new GpuMemoryException(Total, available, text.ToString());
    }

    private static string Format(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):F2} GiB ({bytes} bytes)",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):F2} MiB ({bytes} bytes)",
        _ => $"{bytes} bytes",
    };
}
