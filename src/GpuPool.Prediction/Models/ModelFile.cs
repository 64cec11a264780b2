using System.IO.Compression;
using System.IO.Hashing;
using System.Text.Json;
using GpuPool.Prediction.Features;
using GpuPool.Prediction.Training;
using Microsoft.ML;

namespace GpuPool.Prediction.Models;

/// <summary>
/// One model file: a zip holding the ML.NET model and the training metadata with the feature
/// schema. Loading checks the schema against the feature set this build computes.
/// </summary>
public static class ModelFile
{
    private const string ModelEntry = "mlnet-model.zip";
    private const string MetadataEntry = "metadata.json";

    /// <summary>Largest uncompressed model entry read (the shipped model is about 0.2 MB): a zip bomb stops here.</summary>
    public const long MaxModelBytes = 64L << 20;

    /// <summary>Largest uncompressed metadata entry read.</summary>
    public const long MaxMetadataBytes = 1L << 20;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static void Save(KernelNpModel model, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var file = File.Create(path);
        Save(model, file);
    }

    public static void Save(KernelNpModel model, Stream destination)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Transformer is null || model.Ml is null || model.InputSchema is null)
        {
            throw new ArgumentException($"Learner {model.Metadata.Learner} could not learn from data set '{model.Metadata.DataSet}' ({model.Fallback}); there is no model to save.", nameof(model));
        }

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        using (var entry = zip.CreateEntry(MetadataEntry).Open())
        {
            JsonSerializer.Serialize(entry, model.Metadata, Json);
        }

        using var modelStream = zip.CreateEntry(ModelEntry).Open();
        using var buffer = new MemoryStream();
        model.Ml.Model.Save(model.Transformer, model.InputSchema, buffer);
        buffer.Position = 0;
        buffer.CopyTo(modelStream);
    }

    /// <summary>Loads a model file from disk.</summary>
    public static KernelNpModel Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Model file '{path}' does not exist.", path);
        }

        using var file = File.OpenRead(path);
        return Load(file, path);
    }

    /// <summary>
    /// Loads a model, expecting <paramref name="expected"/>'s schema (by default the catalog's set
    /// of the name the file records). Throws <see cref="ModelSchemaMismatchException"/> naming the difference.
    /// </summary>
    public static KernelNpModel Load(Stream source, string sourceName, FeatureSet? expected = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        using var zip = Open(source, sourceName);
        var metadata = ReadMetadata(zip, sourceName);
        var features = expected ?? Resolve(metadata.Schema, sourceName);
        var mismatch = features.Schema.Mismatch(metadata.Schema);
        if (mismatch is not null)
        {
            throw new ModelSchemaMismatchException($"Model '{sourceName}' has {mismatch}.");
        }

        var entry = zip.GetEntry(ModelEntry) ?? throw new InvalidDataException($"Model '{sourceName}' lacks its '{ModelEntry}' entry.");
        using var buffer = ReadBounded(entry, MaxModelBytes, sourceName);
        var ml = new MLContext(seed: 1);
        try
        {
            var transformer = ml.Model.Load(buffer, out var inputSchema);
            return new KernelNpModel(ml, transformer, inputSchema, features, metadata);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or IOException or InvalidDataException or ArgumentException or IndexOutOfRangeException or NullReferenceException or InvalidCastException or System.Reflection.TargetInvocationException)
        {
            // ML.NET reports a damaged model in many ways; each is a bad file, not a bug here.
            throw new InvalidDataException($"Model '{sourceName}': '{ModelEntry}' is damaged: {e.Message}", e);
        }
    }

    /// <summary>
    /// An entry's bytes, refusing entries that declare or inflate to more than <paramref name="limit"/>
    /// and entries whose bytes do not match their stored CRC-32 (the zip reader does not check it,
    /// so a damaged entry would otherwise load as whatever it inflates to).
    /// </summary>
    private static MemoryStream ReadBounded(ZipArchiveEntry entry, long limit, string sourceName)
    {
        if (entry.Length > limit)
        {
            throw new InvalidDataException($"Model '{sourceName}': '{entry.FullName}' unpacks to {entry.Length} bytes, more than the {limit} accepted.");
        }

        var buffer = new MemoryStream();
        var tooLarge = false;
        var crc = new Crc32();
        try
        {
            using var stream = entry.Open();
            var chunk = new byte[81920];
            int read;
            while (!tooLarge && (read = stream.Read(chunk)) > 0)
            {
                // The declared length may lie: count what actually inflates.
                tooLarge = buffer.Length + read > limit;
                buffer.Write(chunk, 0, read);
                crc.Append(chunk.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            buffer.Dispose();
            throw new InvalidDataException($"Model '{sourceName}': '{entry.FullName}' cannot be unpacked: {e.Message}", e);
        }

        if (tooLarge)
        {
            buffer.Dispose();
            throw new InvalidDataException($"Model '{sourceName}': '{entry.FullName}' inflates past the {limit} bytes accepted.");
        }

        var computed = crc.GetCurrentHashAsUInt32();
        if (computed != entry.Crc32)
        {
            buffer.Dispose();
            throw new InvalidDataException($"Model '{sourceName}': '{entry.FullName}' fails its CRC-32 check (stored {entry.Crc32:x8}, computed {computed:x8}): the file is damaged.");
        }

        buffer.Position = 0;
        return buffer;
    }

    private static ZipArchive Open(Stream source, string sourceName)
    {
        try
        {
            return new ZipArchive(source, ZipArchiveMode.Read, leaveOpen: true);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"Model '{sourceName}' is not a model file (not a zip archive).", e);
        }
    }

    private static ModelMetadata ReadMetadata(ZipArchive zip, string sourceName)
    {
        var entry = zip.GetEntry(MetadataEntry) ?? throw new InvalidDataException($"Model '{sourceName}' lacks its '{MetadataEntry}' entry.");
        using var stream = ReadBounded(entry, MaxMetadataBytes, sourceName);
        try
        {
            var metadata = JsonSerializer.Deserialize<ModelMetadata>(stream, Json)
                ?? throw new InvalidDataException($"Model '{sourceName}': '{MetadataEntry}' is empty.");

            // JSON nulls pass the non-nullable declarations: a field the loader reads must be present.
            return metadata.Schema?.SetName is null || metadata.Schema.Names is null || metadata.Learner is null || metadata.DataSet is null || metadata.HyperParameters is null
                ? throw new InvalidDataException($"Model '{sourceName}': '{MetadataEntry}' lacks its schema, learner, data set or hyper-parameters.")
                : metadata;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Model '{sourceName}': '{MetadataEntry}' is not valid metadata: {e.Message}", e);
        }
    }

    private static FeatureSet Resolve(FeatureSchema schema, string sourceName)
    {
        try
        {
            return DatasetCounters.Resolve(schema);
        }
        catch (ArgumentException e)
        {
            throw new ModelSchemaMismatchException($"Model '{sourceName}' was trained on feature set '{schema.SetName}', which this build does not compute.", e);
        }
    }
}
