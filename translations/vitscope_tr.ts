<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>vitscope::ClassCountModel</name>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="24"/>
        <source>%1 (%n images, %2 from sub-folders)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="25"/>
        <source>%1 (%n images)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="43"/>
        <source>vitscope — ViT classification of endoscopy images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="47"/>
        <source>&amp;Dataset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>&amp;Train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="49"/>
        <source>&amp;Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>&amp;Predict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="53"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>Open &amp;data set…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="55"/>
        <source>Open data set (one folder per class)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="59"/>
        <source>Open &amp;model…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="60"/>
        <source>Open a Hugging Face model folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="64"/>
        <source>Open &amp;run…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="65"/>
        <source>Open a run folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="70"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="77"/>
        <source>&amp;About vitscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="79"/>
        <location filename="../ui/main_window.cpp" line="90"/>
        <source>No model loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="80"/>
        <source>CPU, %n thread(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="84"/>
        <source>Model: %1 (%n classes)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>The model could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="111"/>
        <source>Images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="113"/>
        <source>Open a data set: a folder with one sub-folder per class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="118"/>
        <source>Bad files, conversions and duplicates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="131"/>
        <source>Scanning %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="159"/>
        <source>Bad: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="161"/>
        <source>Converted: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="166"/>
        <source>Identical files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="170"/>
        <source>%1: %2 usable images in %3 classes (%4 bad, %5 duplicate groups).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="176"/>
        <source>This data set cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="197"/>
        <source>Open a run to review its test confusion matrix.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="226"/>
        <source>%1  (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="236"/>
        <source>%1 has no test results yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="261"/>
        <source>true %1, predicted %2: %3 images (%4 % of the row)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="265"/>
        <source>Run %1 — test set with the best model: accuracy %2, weighted F1 %3, macro F1 %4, MCC %5. Click a cell to list its images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="286"/>
        <source>About vitscope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="287"/>
        <source>&lt;h3&gt;vitscope %1&lt;/h3&gt;&lt;p&gt;Fine-tune and run Vision Transformers on endoscopy images.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;For research use only. Not for use in diagnostic procedures.&lt;/b&gt;&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vitscope::PredictView</name>
    <message>
        <location filename="../ui/predict_view.cpp" line="57"/>
        <source>For research use only. Not for use in diagnostic procedures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="60"/>
        <source>Drop an endoscopy image here,
or use Open… or Paste.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="76"/>
        <source>Probability (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="80"/>
        <source>&amp;Open…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="81"/>
        <source>&amp;Paste</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="82"/>
        <source>&amp;Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="116"/>
        <source>No image files found in what was dropped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/predict_view.cpp" line="121"/>
        <source>Predicting %n image(s)…</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="130"/>
        <source>%1 — cannot be used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="132"/>
        <source>%1 cannot be used: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="151"/>
        <source>(no preview)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="153"/>
        <source>This file cannot be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="186"/>
        <source>Most likely: %1 (%2 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="210"/>
        <source>Only local files and folders can be dropped here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="219"/>
        <source>Open images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="220"/>
        <source>Images (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="229"/>
        <source>The clipboard holds no image.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="239"/>
        <source>Export predictions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="239"/>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="244"/>
        <source>Cannot write %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vitscope::TrainView</name>
    <message>
        <location filename="../ui/train_view.cpp" line="27"/>
        <source>A folder with one sub-folder of images per class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="29"/>
        <source>A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="31"/>
        <source>Where the run&apos;s checkpoints, metrics and predictions are written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="35"/>
        <source>How many passes over the training images.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="39"/>
        <source>Images per optimisation step. Smaller uses less memory.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="45"/>
        <source>Peak learning rate (AdamW). The notebook used 0.00002.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="49"/>
        <source>Steps over which the learning rate rises from 0; it then falls linearly to 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="53"/>
        <source>Shrinks weights a little each step; not applied to biases and LayerNorm weights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="57"/>
        <source>Fixes the split, the data order and the initial head: the same seed gives the same run.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="60"/>
        <source>&amp;Data set:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="61"/>
        <source>&amp;Model:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="62"/>
        <source>&amp;Run folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="63"/>
        <source>&amp;Epochs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="64"/>
        <source>&amp;Batch size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="65"/>
        <source>&amp;Learning rate:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="66"/>
        <source>&amp;Warmup steps:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="67"/>
        <source>Weight &amp;decay:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="68"/>
        <source>&amp;Seed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="69"/>
        <source>&amp;Start training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="70"/>
        <source>S&amp;top</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="76"/>
        <source>Recipe</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="89"/>
        <source>Loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="89"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="90"/>
        <source>training loss (per step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="92"/>
        <source>smoothed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="94"/>
        <source>Accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="94"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="95"/>
        <source>training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="97"/>
        <source>validation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="103"/>
        <source>idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="132"/>
        <source>%1: %2 of %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="138"/>
        <source>Run %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="139"/>
        <source>finished (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="145"/>
        <source>Training failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="146"/>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="194"/>
        <source>Starting run in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="206"/>
        <source>epoch %1 · step %2/%3 · %4 images/s · ETA %5:%6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="223"/>
        <source>Epoch %1: validation accuracy %2, loss %3%4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="227"/>
        <source> — best so far</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
