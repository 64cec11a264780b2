using Microsoft.ML;
using Microsoft.ML.Data;

namespace GpuPool.Prediction.Training;

/// <summary>ML.NET data views over samples, with the feature vector sized from the feature set.</summary>
internal static class MlData
{
    public static SchemaDefinition Schema(int featureCount)
    {
        var schema = SchemaDefinition.Create(typeof(MlRow));
        schema[nameof(MlRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureCount);
        return schema;
    }

    public static IDataView View(MLContext ml, IEnumerable<float[]> features, int featureCount, IEnumerable<float>? labels = null)
    {
        var rows = labels is null
            ? features.Select(f => new MlRow { Features = f })
            : features.Zip(labels, (f, l) => new MlRow { Features = f, Label = l });
        return ml.Data.LoadFromEnumerable(rows.ToList(), Schema(featureCount));
    }
}
