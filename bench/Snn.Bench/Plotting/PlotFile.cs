using ScottPlot;
using Snn.Core.IO;

namespace Snn.Bench.Plotting;

/// <summary>Writes a plot as a PNG file atomically: the path holds its previous image or the whole
/// new one, never a part (a study's plots are rewritten in place by every run).</summary>
internal static class PlotFile
{
    /// <summary>Renders <paramref name="plot"/> at <paramref name="width"/> × <paramref name="height"/>
    /// pixels and writes it to <paramref name="path"/>.</summary>
    public static void SavePng(Plot plot, string path, int width, int height)
    {
        byte[] png = plot.GetImageBytes(width, height, ImageFormat.Png);
        AtomicFile.Write(path, stream => stream.Write(png));
    }
}
