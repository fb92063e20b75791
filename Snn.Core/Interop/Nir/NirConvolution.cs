namespace Snn.Core.Interop.Nir;

/// <summary>
/// NIR's Conv1d, Conv2d, SumPool2d and AvgPool2d as sparse matrices over row-major (C, H, W) data,
/// with PyTorch's semantics (cross-correlation; output size ⌊(n + pads − d(k − 1) − 1)/s⌋ + 1;
/// padding "same" pads d(k − 1) in total, the extra one after; AvgPool2d divides by kH·kW,
/// padding included, as PyTorch's default <c>count_include_pad</c>).
/// </summary>
internal static class NirConvolution
{
    public static NirSignal Convolve(string describe, NirNode node, NirSignal input)
    {
        bool twoD = node.Type == NirPrimitives.Conv2d;
        int spatial = twoD ? 2 : 1;
        var weight = node.Find("weight")!;
        if (weight.Shape.Count != 2 + spatial)
        {
            throw new InvalidDataException($"{describe}: weight has shape {weight} but a {node.Type} weight is (C_out, C_in/groups{(twoD ? ", kH, kW" : ", k")}).");
        }
        int outChannels = weight.Shape[0];
        int groups = Whole(describe, node, "groups", 1, 1)[0];
        int groupIn = weight.Shape[1];
        int inChannels = groupIn * groups;
        if (groups < 1 || outChannels % groups != 0)
        {
            throw new InvalidDataException($"{describe}: groups = {groups} must be ≥ 1 and divide C_out = {outChannels}.");
        }
        var (inH, inW) = InputSize(describe, node, input, inChannels, twoD);
        int kH = twoD ? weight.Shape[2] : 1;
        int kW = weight.Shape[2 + spatial - 1];
        int[] stride = Pair(Whole(describe, node, "stride", spatial, 1), twoD);
        int[] dilation = Pair(Whole(describe, node, "dilation", spatial, 1), twoD);
        var (padTop, padLeft, padBottom, padRight) = Padding(describe, node, spatial, twoD, kH, kW, dilation, stride);
        int outH = OutputSize(describe, inH, padTop + padBottom, dilation[0], kH, stride[0]);
        int outW = OutputSize(describe, inW, padLeft + padRight, dilation[1], kW, stride[1]);
        var bias = node.Find("bias")!;
        if (bias.Count != outChannels && bias.Count != 1)
        {
            throw new InvalidDataException($"{describe}: bias has {bias.Count} elements but the weight has {outChannels} output channels.");
        }
        int outPerGroup = outChannels / groups;
        var entries = new List<(int, int, double)>();
        for (int co = 0; co < outChannels; co++)
        {
            int group = co / outPerGroup;
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++)
                {
                    int row = (co * outH + oy) * outW + ox;
                    for (int cl = 0; cl < groupIn; cl++)
                    {
                        int ci = group * groupIn + cl;
                        for (int ky = 0; ky < kH; ky++)
                        {
                            int iy = oy * stride[0] - padTop + ky * dilation[0];
                            if (iy < 0 || iy >= inH)
                            {
                                continue;
                            }
                            for (int kx = 0; kx < kW; kx++)
                            {
                                int ix = ox * stride[1] - padLeft + kx * dilation[1];
                                if (ix < 0 || ix >= inW)
                                {
                                    continue;
                                }
                                double w = weight[((co * groupIn + cl) * kH + ky) * kW + kx];
                                entries.Add((row, (ci * inH + iy) * inW + ix, w));
                            }
                        }
                    }
                }
            }
        }
        int[] shape = twoD ? [outChannels, outH, outW] : [outChannels, outW];
        int perChannel = outH * outW;
        return input.Transform(shape, entries, i => bias[bias.Count == 1 ? 0 : i / perChannel]);
    }

    public static NirSignal Pool(string describe, NirNode node, NirSignal input)
    {
        int[] kernel = Pair(Whole(describe, node, "kernel_size", 2, null), true);
        int[] stride = Pair(Whole(describe, node, "stride", 2, null), true);
        int[] padding = Pair(Whole(describe, node, "padding", 2, null, allowZero: true), true);
        int[] shape = ChannelShape(describe, node, input);
        int channels = shape[0];
        int inH = shape[1];
        int inW = shape[2];
        int outH = OutputSize(describe, inH, 2 * padding[0], 1, kernel[0], stride[0]);
        int outW = OutputSize(describe, inW, 2 * padding[1], 1, kernel[1], stride[1]);
        double value = node.Type == NirPrimitives.AvgPool2d ? 1.0 / (kernel[0] * kernel[1]) : 1.0;
        var entries = new List<(int, int, double)>();
        for (int c = 0; c < channels; c++)
        {
            for (int oy = 0; oy < outH; oy++)
            {
                for (int ox = 0; ox < outW; ox++)
                {
                    int row = (c * outH + oy) * outW + ox;
                    for (int ky = 0; ky < kernel[0]; ky++)
                    {
                        int iy = oy * stride[0] - padding[0] + ky;
                        for (int kx = 0; kx < kernel[1]; kx++)
                        {
                            int ix = ox * stride[1] - padding[1] + kx;
                            if (iy >= 0 && iy < inH && ix >= 0 && ix < inW)
                            {
                                entries.Add((row, (c * inH + iy) * inW + ix, value));
                            }
                        }
                    }
                }
            }
        }
        return input.Transform([channels, outH, outW], entries);
    }

    private static (int H, int W) InputSize(string describe, NirNode node, NirSignal input, int inChannels, bool twoD)
    {
        int rank = twoD ? 3 : 2;
        int[] shape;
        if (input.Shape.Length == rank && input.Shape[0] == inChannels)
        {
            shape = input.Shape;
        }
        else if (node.Find("input_shape") is { } spatial && spatial.Count == rank - 1)
        {
            shape = [inChannels, .. Enumerable.Range(0, spatial.Count).Select(i => (int)spatial[i])];
        }
        else if (node.Find("input_type/input") is { } declared && declared.Count == rank)
        {
            shape = [.. Enumerable.Range(0, declared.Count).Select(i => (int)declared[i])];
        }
        else
        {
            throw new InvalidDataException($"{describe}: cannot tell the input's spatial size: the input has shape ({string.Join(", ", input.Shape)}) and the node has no input_shape.");
        }
        if (NirSignal.SizeOf(shape) != input.Size || shape[0] != inChannels)
        {
            throw new InvalidDataException($"{describe}: expects input ({string.Join(", ", shape)}) with {inChannels} channels but receives {input.Size} values.");
        }
        return twoD ? (shape[1], shape[2]) : (1, shape[1]);
    }

    private static int[] ChannelShape(string describe, NirNode node, NirSignal input)
    {
        if (input.Shape.Length == 3)
        {
            return input.Shape;
        }
        if (node.Find("input_type/input") is { } declared && declared.Count == 3)
        {
            int[] shape = [(int)declared[0], (int)declared[1], (int)declared[2]];
            if (NirSignal.SizeOf(shape) == input.Size)
            {
                return shape;
            }
        }
        throw new InvalidDataException($"{describe}: needs a (C, H, W) input but receives shape ({string.Join(", ", input.Shape)}).");
    }

    private static (int Top, int Left, int Bottom, int Right) Padding(string describe, NirNode node, int spatial, bool twoD, int kH, int kW, int[] dilation, int[] stride)
    {
        if (node.Text.TryGetValue("padding", out string? mode))
        {
            switch (mode)
            {
                case "valid":
                    return (0, 0, 0, 0);
                case "same" when stride[0] == 1 && stride[1] == 1:
                    int totalH = dilation[0] * (kH - 1);
                    int totalW = dilation[1] * (kW - 1);
                    return (totalH / 2, totalW / 2, totalH - totalH / 2, totalW - totalW / 2);
                default:
                    throw new InvalidDataException($"{describe}: padding = '{mode}' must be 'valid', 'same' (with stride 1) or integers.");
            }
        }
        int[] padding = Whole(describe, node, "padding", spatial, 0, allowZero: true);
        return twoD ? (padding[0], padding[1], padding[0], padding[1]) : (0, padding[0], 0, padding[0]);
    }

    private static int OutputSize(string describe, int size, int pads, int dilation, int kernel, int stride)
    {
        int output = (size + pads - dilation * (kernel - 1) - 1) / stride + 1;
        if (size + pads - dilation * (kernel - 1) - 1 < 0 || output < 1)
        {
            throw new InvalidDataException($"{describe}: a kernel of {kernel} (dilation {dilation}) does not fit an input of {size} with {pads} padding.");
        }
        return output;
    }

    private static int[] Pair(int[] values, bool twoD) => twoD ? values : [1, values[0]];

    private static int[] Whole(string describe, NirNode node, string attribute, int count, int? fallback, bool allowZero = false)
    {
        var tensor = node.Find(attribute);
        if (tensor is null)
        {
            return fallback is { } f ? Enumerable.Repeat(f, count).ToArray() : throw new InvalidDataException($"{describe} lacks its '{attribute}' array.");
        }
        if (tensor.Count != count && tensor.Count != 1)
        {
            throw new InvalidDataException($"{describe}: {attribute} has {tensor.Count} elements; expected 1 or {count}.");
        }
        var values = new int[count];
        for (int i = 0; i < count; i++)
        {
            double value = tensor[tensor.Count == 1 ? 0 : i];
            if (value != Math.Floor(value) || value < (allowZero ? 0 : 1) || value > int.MaxValue)
            {
                throw new InvalidDataException($"{describe}: {attribute}[{i}] = {value} must be a whole number ≥ {(allowZero ? 0 : 1)}.");
            }
            values[i] = (int)value;
        }
        return values;
    }
}
