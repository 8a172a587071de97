<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<!-- English plural forms only: the source texts use %n, and Qt picks "1 image" or "2 images" from here. Kept by hand
     (lupdate is not run on this file); every other text is its own English source. -->
<context>
    <name>Trust</name>
    <message numerus="yes">
        <source>%n classes are plausible at the chosen level</source>
        <translation>
            <numerusform>%n class is plausible at the chosen level</numerusform>
            <numerusform>%n classes are plausible at the chosen level</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Calibrated probabilities (temperature %1, fitted on only %n held-out image(s): rough; more held-out images make it firmer).</source>
        <translation>
            <numerusform>Calibrated probabilities (temperature %1, fitted on only %n held-out image: rough; more held-out images make it firmer).</numerusform>
            <numerusform>Calibrated probabilities (temperature %1, fitted on only %n held-out images: rough; more held-out images make it firmer).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Calibrated probabilities (temperature %1, fitted on %n held-out image(s)).</source>
        <translation>
            <numerusform>Calibrated probabilities (temperature %1, fitted on %n held-out image).</numerusform>
            <numerusform>Calibrated probabilities (temperature %1, fitted on %n held-out images).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::ClassCountModel</name>
    <message numerus="yes">
        <source>%1 (%n images, %2 from sub-folders)</source>
        <translation>
            <numerusform>%1 (%n image, %2 from sub-folders)</numerusform>
            <numerusform>%1 (%n images, %2 from sub-folders)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n images)</source>
        <translation>
            <numerusform>%1 (%n image)</numerusform>
            <numerusform>%1 (%n images)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::ConfusionMatrixModel</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n image(s), %3 of the row</source>
        <translation>
            <numerusform>True %1, predicted %2: %n image, %3 of the row</numerusform>
            <numerusform>True %1, predicted %2: %n images, %3 of the row</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::EstimatePanel</name>
    <message numerus="yes">
        <source>%n s</source>
        <translation>
            <numerusform>%n s</numerusform>
            <numerusform>%n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::EvaluateView</name>
    <message numerus="yes">
        <source>True %1, predicted %2: %n image(s), most confident first.</source>
        <translation>
            <numerusform>True %1, predicted %2: %n image.</numerusform>
            <numerusform>True %1, predicted %2: %n images, most confident first.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message numerus="yes">
        <source>Model: %1 (%n classes)</source>
        <translation>
            <numerusform>Model: %1 (%n class)</numerusform>
            <numerusform>Model: %1 (%n classes)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::PredictView</name>
    <message numerus="yes">
        <source>Predicting %n image(s)…</source>
        <translation>
            <numerusform>Predicting %n image…</numerusform>
            <numerusform>Predicting %n images…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vitscope::ReviewView</name>
    <message numerus="yes">
        <source>%n new frame(s) predicted by %1, the least certain first. Confirm with Space or choose a class; they join the data set through its label manifest.</source>
        <translation>
            <numerusform>%n new frame predicted by %1. Confirm with Space or choose a class; it joins the data set through its label manifest.</numerusform>
            <numerusform>%n new frames predicted by %1, the least certain first. Confirm with Space or choose a class; they join the data set through its label manifest.</numerusform>
        </translation>
    </message>
</context>
</TS>
