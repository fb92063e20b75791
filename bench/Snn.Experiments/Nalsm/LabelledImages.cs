using Snn.Learning.Reservoir;

namespace Snn.Experiments.Nalsm;

/// <summary>Images as non-negative intensities (any scale; e.g. pixel/255), one array per image, with their class labels.</summary>
public sealed class LabelledImages
{
    /// <summary>Creates the set (arrays not copied).</summary>
    /// <param name="images">One intensity array per image, all of the same length.</param>
    /// <param name="labels">The class of each image, ≥ 0.</param>
    public LabelledImages(float[][] images, int[] labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.Length != labels.Length)
        {
            throw new ArgumentException($"images has {images.Length} entries but labels has {labels.Length}.", nameof(labels));
        }
        for (int i = 0; i < images.Length; i++)
        {
            if (images[i] is null || images[i].Length != images[0].Length)
            {
                throw new ArgumentException($"images[{i}] must have {images[0].Length} pixels like images[0].", nameof(images));
            }
            if (labels[i] < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(labels), labels[i], $"labels[{i}] = {labels[i]} must be >= 0.");
            }
        }
        Images = images;
        Labels = labels;
    }

    /// <summary>The images.</summary>
    public float[][] Images { get; }

    /// <summary>The labels.</summary>
    public int[] Labels { get; }

    /// <summary>Number of images.</summary>
    public int Count => Images.Length;
}
