package io.swiftresponse.intake.classifier;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gzip-compressed payload of a model file (see {@link ModelFile} for the layout): model information,
 * feature configuration, confidence calibration, vocabulary, weights and (format 3) the neighbour vote. Reading checks every count
 * against a plausible bound before allocating, so a damaged file cannot ask for gigabytes.
 */
final class ModelPayload {

    private static final int MAX_LABELS = 10_000;
    private static final int MAX_FEATURES = 20_000_000;

    private ModelPayload() {
    }

    static void write(TextClassifier model, DataOutputStream out) throws IOException {
        ModelInfo info = model.info();
        ModelData.writeString(out, info.modelVersion());
        ModelData.writeString(out, info.trainedAt());
        out.writeInt(info.trainingRows());
        List<String> labels = model.labels();
        out.writeInt(labels.size());
        for (String l : labels) {
            ModelData.writeString(out, l);
            out.writeInt(info.labelCounts().getOrDefault(l, 0));
        }
        out.writeLong(info.seed());
        ModelData.writeMap(out, info.hyperParameters());
        ModelData.writeMap(out, info.evaluation());
        ModelData.writeString(out, info.tokenizer());
        FeatureExtractor.Config c = model.extractor().config();
        out.writeInt(c.charMin());
        out.writeInt(c.charMax());
        out.writeInt(c.wordMax());
        out.writeBoolean(c.removeStopWords());
        out.writeBoolean(c.keepNumbers());
        out.writeFloat(c.wordWeight());
        out.writeDouble(model.temperature());
        TopCalibration calibration = model.calibration();
        out.writeInt(calibration.x().length);
        for (double v : calibration.x()) out.writeDouble(v);
        for (double v : calibration.y()) out.writeDouble(v);
        Vocabulary v = model.vocabulary();
        out.writeInt(v.size());
        ByteBuffer buf = ByteBuffer.allocate(1 << 16).order(ByteOrder.BIG_ENDIAN);
        ModelData.writeLongs(out, v.fingerprints(), buf);
        ModelData.writeFloats(out, v.idfs(), buf);
        ModelData.writeFloats(out, model.weights().bias(), buf);
        ModelData.writeFloats(out, model.weights().w(), buf);
        TextClassifier.Vote vote = model.vote();
        out.writeBoolean(vote != null);
        if (vote != null) {
            out.writeInt(vote.k());
            out.writeDouble(vote.power());
            out.writeDouble(vote.weight());
            vote.index().write(out, buf);
        }
        out.writeInt(ModelFile.END_MARKER);
    }

    static TextClassifier read(DataInputStream in, int version) throws IOException {
        String modelVersion = ModelData.readString(in);
        String trainedAt = ModelData.readString(in);
        int rows = in.readInt();
        if (rows < 0) {
            throw new ModelFormatException("negative training row count");
        }
        int k = in.readInt();
        if (k < 2 || k > MAX_LABELS) {
            throw new ModelFormatException("implausible label count " + k);
        }
        List<String> labels = new ArrayList<>(k);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            String l = ModelData.readString(in);
            labels.add(l);
            counts.put(l, in.readInt());
        }
        if (counts.size() != k) {
            throw new ModelFormatException("duplicate labels");
        }
        long seed = in.readLong();
        Map<String, String> hyper = ModelData.readMap(in);
        Map<String, String> evaluation = ModelData.readMap(in);
        String tokenizer = ModelData.readString(in);
        FeatureExtractor.Config config = new FeatureExtractor.Config(in.readInt(), in.readInt(), in.readInt(),
                in.readBoolean(), in.readBoolean(), in.readFloat());
        double temperature = in.readDouble();
        TopCalibration calibration = TopCalibration.IDENTITY;
        if (version >= 2) {
            int points = in.readInt();
            if (points < 0 || points > 1000) {
                throw new ModelFormatException("implausible calibration point count " + points);
            }
            double[] x = new double[points];
            double[] y = new double[points];
            for (int i = 0; i < points; i++) x[i] = in.readDouble();
            for (int i = 0; i < points; i++) y[i] = in.readDouble();
            calibration = new TopCalibration(x, y);
        }
        int f = in.readInt();
        if (f < 0 || f > MAX_FEATURES) {
            throw new ModelFormatException("implausible feature count " + f);
        }
        if ((long) f * k > Integer.MAX_VALUE - 16) {
            throw new ModelFormatException("weight matrix too large");
        }
        byte[] chunk = new byte[1 << 16];
        long[] fps = ModelData.readLongs(in, f, chunk);
        float[] idf = ModelData.readFloats(in, f, chunk);
        float[] bias = ModelData.readFloats(in, k, chunk);
        float[] w = ModelData.readFloats(in, f * k, chunk);
        TextClassifier.Vote vote = null;
        if (version >= 3 && in.readBoolean()) {
            int neighbours = in.readInt();
            double power = in.readDouble();
            double weight = in.readDouble();
            if (neighbours < 1 || neighbours > 100 || !(weight > 0 && weight <= 10) || !(power >= 0.5 && power <= 8)) {
                throw new ModelFormatException("implausible neighbour vote (k " + neighbours + ", power " + power
                        + ", weight " + weight + ")");
            }
            vote = new TextClassifier.Vote(NeighbourIndex.read(in, k, f, chunk), neighbours, power, weight);
        }
        ModelInfo info = new ModelInfo(modelVersion, trainedAt, rows, counts, seed, hyper, evaluation, tokenizer);
        return new TextClassifier(labels, new FeatureExtractor(config), new Vocabulary(fps, idf),
                new LinearSolver.Weights(w, bias, k), temperature, calibration, info, vote);
    }

}
