<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en">
<context>
    <name>vitscope::ClassCountModel</name>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="35"/>
        <source>%1 (%n images, %2 from sub-folders)</source>
        <translation>
            <numerusform>%1 (%n görüntü, %2 tanesi alt klasörlerden)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/class_count_model.cpp" line="36"/>
        <source>%1 (%n images)</source>
        <translation>
            <numerusform>%1 (%n görüntü)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/class_count_model.cpp" line="38"/>
        <source> — train %1 · val %2 · test %3</source>
        <translation> — eğitim %1 · doğrulama %2 · test %3</translation>
    </message>
</context>
<context>
    <name>vitscope::ConfusionMatrixModel</name>
    <message numerus="yes">
        <location filename="../ui/confusion_model.cpp" line="62"/>
        <source>True %1, predicted %2: %n image(s), %3 % of the row</source>
        <translation>
            <numerusform>Gerçek %1, tahmin %2: %n görüntü, satır payı %%3</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/confusion_model.cpp" line="84"/>
        <source>Predicted: %1</source>
        <translation>Tahmin: %1</translation>
    </message>
    <message>
        <location filename="../ui/confusion_model.cpp" line="84"/>
        <source>True: %1</source>
        <translation>Gerçek: %1</translation>
    </message>
</context>
<context>
    <name>vitscope::DatasetView</name>
    <message>
        <location filename="../ui/dataset_view.cpp" line="30"/>
        <source>&amp;Open data set…</source>
        <translation>Veri kümesi &amp;aç…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="32"/>
        <source>Open a data set: a folder with one sub-folder per class.</source>
        <translation>Bir veri kümesi açın: her sınıf için bir alt klasör içeren bir klasör.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="36"/>
        <source>&amp;Cancel scan</source>
        <translation>Taramayı &amp;iptal et</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="50"/>
        <source>Click a class to show its images.</source>
        <translation>Görüntülerini görmek için bir sınıfa tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="56"/>
        <source>Classes</source>
        <translation>Sınıflar</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="58"/>
        <source>Bad files, conversions and duplicates</source>
        <translation>Hatalı dosyalar, dönüştürmeler ve kopyalar</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="70"/>
        <source>Select an image.</source>
        <translation>Bir görüntü seçin.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="76"/>
        <source>Images</source>
        <translation>Görüntüler</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="109"/>
        <source>Scanning %1…</source>
        <translation>%1 taranıyor…</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="133"/>
        <source>Scan of %1 cancelled.</source>
        <translation>%1 taraması iptal edildi.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="169"/>
        <source>Bad: %1 — %2</source>
        <translation>Hatalı: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="171"/>
        <source>Converted: %1 — %2</source>
        <translation>Dönüştürüldü: %1 — %2</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="176"/>
        <source>Identical files: %1</source>
        <translation>Aynı dosyalar: %1</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="181"/>
        <source>No problems found.</source>
        <translation>Sorun bulunmadı.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="182"/>
        <source>%1: %2 usable of %3 image files in %4 classes; %5 bad, %6 groups of identical files. Sizes %7x%8 to %9x%10.</source>
        <translation>%1: %4 sınıfta %3 görüntü dosyasından %2 tanesi kullanılabilir; %5 hatalı, %6 grup aynı dosya. Boyutlar %7x%8 ile %9x%10 arası.</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="194"/>
        <source>This data set cannot be used: %1</source>
        <translation>Bu veri kümesi kullanılamaz: %1</translation>
    </message>
    <message>
        <location filename="../ui/dataset_view.cpp" line="245"/>
        <source>%1
%2 x %3, %4 %5, class %6%7</source>
        <translation>%1
%2 x %3, %4 %5, sınıf %6%7</translation>
    </message>
</context>
<context>
    <name>vitscope::EstimatePanel</name>
    <message numerus="yes">
        <location filename="../ui/estimate_panel.cpp" line="22"/>
        <source>%n s</source>
        <translation>
            <numerusform>%n sn</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="24"/>
        <source>%1 min %2 s</source>
        <translation>%1 dk %2 sn</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="25"/>
        <source>%1 h %2 min</source>
        <translation>%1 sa %2 dk</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="32"/>
        <source>Whole network</source>
        <translation>Tüm ağ</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/estimate_panel.cpp" line="34"/>
        <source>Last %n block(s)</source>
        <translation>
            <numerusform>Son %n blok</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="36"/>
        <source>Classifier only</source>
        <translation>Yalnızca sınıflandırıcı</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="51"/>
        <source>Estimate &amp;how long it takes</source>
        <translation>Ne kadar &amp;süreceğini tahmin et</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="52"/>
        <source>Times a few training steps of this model on this computer for each way of fine-tuning, and says how long the whole run would take (what is already cached counts). Takes a minute or two for ViT-B/16 on a CPU.</source>
        <translation>Bu modelin birkaç eğitim adımını bu bilgisayarda her ince ayar yolu için ölçer ve tüm çalıştırmanın ne kadar süreceğini söyler (önbellekte olanlar hesaba katılır). CPU üzerinde ViT-B/16 için bir iki dakika sürer.</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="57"/>
        <source>Fine-tune</source>
        <translation>İnce ayar</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="57"/>
        <source>Precision</source>
        <translation>Hassasiyet</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="57"/>
        <source>Per epoch</source>
        <translation>Epok başına</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="57"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="83"/>
        <source>Timing a few steps on this computer…</source>
        <translation>Bu bilgisayarda birkaç adım ölçülüyor…</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="92"/>
        <source>No estimate: %1</source>
        <translation>Tahmin yok: %1</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="116"/>
        <source>including %1 once, to decode images and compute features not cached yet</source>
        <translation>önbellekte olmayan görüntüleri çözmek ve özellikleri hesaplamak için bir kez %1 dahil</translation>
    </message>
    <message>
        <location filename="../ui/estimate_panel.cpp" line="120"/>
        <source>%1 · %2 training, %3 validation, %4 test images; %5 not cached yet.</source>
        <translation>%1 · %2 eğitim, %3 doğrulama, %4 test görüntüsü; %5 henüz önbellekte değil.</translation>
    </message>
</context>
<context>
    <name>vitscope::EvaluateView</name>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="32"/>
        <source>Test (best model)</source>
        <translation>Test (en iyi model)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="34"/>
        <source>Validation (best model)</source>
        <translation>Doğrulama (en iyi model)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="35"/>
        <source>Validation, epoch %1</source>
        <translation>Doğrulama, %1. epok</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="52"/>
        <source>Which images the matrix counts: the test or validation part with the best model, or the validation part at the end of an epoch.</source>
        <translation>Matrisin hangi görüntüleri saydığı: en iyi modelle test ya da doğrulama bölümü veya bir epok sonundaki doğrulama bölümü.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="53"/>
        <source>&amp;Normalise rows</source>
        <translation>Satırları &amp;normalleştir</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="54"/>
        <source>Show each cell as a share of its true class instead of a count.</source>
        <translation>Her hücreyi sayı yerine gerçek sınıfının payı olarak göster.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="55"/>
        <source>Export matrix as &amp;PNG…</source>
        <translation>Matrisi &amp;PNG olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="56"/>
        <source>Export table as &amp;CSV…</source>
        <translation>Tabloyu &amp;CSV olarak dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="58"/>
        <source>&amp;Part:</source>
        <translation>&amp;Bölüm:</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="66"/>
        <source>Open a run to review its confusion matrix.</source>
        <translation>Karışıklık matrisini incelemek için bir çalıştırma açın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="74"/>
        <source>Rows: true class. Columns: predicted class. Click a cell to see its images.</source>
        <translation>Satırlar: gerçek sınıf. Sütunlar: tahmin edilen sınıf. Görüntülerini görmek için bir hücreye tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="80"/>
        <location filename="../ui/evaluate_view.cpp" line="173"/>
        <source>Click a cell of the matrix.</source>
        <translation>Matristen bir hücreye tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="89"/>
        <source>Double-click an image to open it in the Predict view.</source>
        <translation>Tahmin görünümünde açmak için bir görüntüye çift tıklayın.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="134"/>
        <source>%1 has no evaluation results yet.</source>
        <translation>%1 için henüz değerlendirme sonucu yok.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="148"/>
        <source>Cannot show these results: %1</source>
        <translation>Bu sonuçlar gösterilemiyor: %1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="153"/>
        <source>%1 of run %2: %3 images. Accuracy %4, weighted F1 %5, macro F1 %6, MCC %7, loss %8.</source>
        <translation>%2 çalıştırmasının %1 bölümü: %3 görüntü. Doğruluk %4, ağırlıklı F1 %5, makro F1 %6, MCC %7, kayıp %8.</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="162"/>
        <source>Class</source>
        <translation>Sınıf</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="162"/>
        <source>Precision</source>
        <translation>Kesinlik</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="162"/>
        <source>Recall</source>
        <translation>Duyarlılık</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="162"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="162"/>
        <source>Support</source>
        <translation>Destek</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="172"/>
        <source>Per-image predictions are kept for the best model only (test and validation parts).</source>
        <translation>Görüntü başına tahminler yalnızca en iyi model için saklanır (test ve doğrulama bölümleri).</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/evaluate_view.cpp" line="184"/>
        <source>True %1, predicted %2: %n image(s), most confident first.</source>
        <translation>
            <numerusform>Gerçek %1, tahmin %2: %n görüntü, en emin olunan önce.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="187"/>
        <location filename="../ui/evaluate_view.cpp" line="189"/>
        <source>%1: %2 %</source>
        <translation>%1: %%2</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="239"/>
        <source>Export confusion matrix</source>
        <translation>Karışıklık matrisini dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="239"/>
        <source>PNG images (*.png)</source>
        <translation>PNG görüntüleri (*.png)</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="241"/>
        <location filename="../ui/evaluate_view.cpp" line="248"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="246"/>
        <source>Export per-class table</source>
        <translation>Sınıf başına tabloyu dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/evaluate_view.cpp" line="246"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
</context>
<context>
    <name>vitscope::MainWindow</name>
    <message>
        <location filename="../ui/main_window.cpp" line="42"/>
        <source>vitscope — ViT classification of endoscopy images</source>
        <translation>vitscope — endoskopi görüntülerinin ViT ile sınıflandırılması</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="48"/>
        <source>&amp;Dataset</source>
        <translation>&amp;Veri kümesi</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="49"/>
        <source>&amp;Train</source>
        <translation>&amp;Eğitim</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="50"/>
        <source>&amp;Evaluate</source>
        <translation>&amp;Değerlendirme</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="51"/>
        <source>&amp;Predict</source>
        <translation>&amp;Tahmin</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="54"/>
        <source>&amp;File</source>
        <translation>&amp;Dosya</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="55"/>
        <source>Open &amp;data set…</source>
        <translation>&amp;Veri kümesi aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="56"/>
        <location filename="../ui/main_window.cpp" line="127"/>
        <source>Open data set (one folder per class)</source>
        <translation>Veri kümesi aç (her sınıf için bir klasör)</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="60"/>
        <source>Open &amp;model…</source>
        <translation>&amp;Model aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="61"/>
        <source>Open a Hugging Face model folder</source>
        <translation>Bir Hugging Face model klasörü aç</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="65"/>
        <source>Get ViT-B/16 (ImageNet-21k, the notebook&apos;s)…</source>
        <translation>ViT-B/16&apos;yı al (ImageNet-21k, not defterindeki)…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="66"/>
        <source>Open &amp;run…</source>
        <translation>Ç&amp;alıştırma aç…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="67"/>
        <source>Open a run folder</source>
        <translation>Bir çalıştırma klasörü aç</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="71"/>
        <source>Recent</source>
        <translation>Son kullanılanlar</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="74"/>
        <source>&amp;Quit</source>
        <translation>Çı&amp;kış</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="75"/>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="81"/>
        <source>&amp;Dark palette</source>
        <translation>&amp;Koyu renk paleti</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="91"/>
        <source>&amp;Language</source>
        <translation>&amp;Dil</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="93"/>
        <source>System default</source>
        <translation>Sistem varsayılanı</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="98"/>
        <source>The language changes the next time vitscope starts.</source>
        <translation>Dil, vitscope bir sonraki açılışında değişir.</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>&amp;Help</source>
        <translation>&amp;Yardım</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="103"/>
        <source>&amp;About vitscope</source>
        <translation>vitscope &amp;hakkında</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="105"/>
        <location filename="../ui/main_window.cpp" line="123"/>
        <source>No model loaded</source>
        <translation>Model yüklenmedi</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="106"/>
        <source>Compute device: detecting…</source>
        <translation>Hesaplama aygıtı: algılanıyor…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <source>CPU bf16: native</source>
        <translation>CPU bf16: donanımsal</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="116"/>
        <source>CPU bf16: not native</source>
        <translation>CPU bf16: donanımsal değil</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="198"/>
        <source>Using %1 from the Hugging Face cache: %2</source>
        <translation>Hugging Face önbelleğindeki %1 kullanılıyor: %2</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="207"/>
        <source>Download the pretrained model</source>
        <translation>Önceden eğitilmiş modeli indir</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="208"/>
        <source>%1 is not in the Hugging Face cache (%2). Download it (about 350 MB) to %3?</source>
        <translation>%1 Hugging Face önbelleğinde (%2) yok. %3 konumuna indirilsin mi (yaklaşık 350 MB)?</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Downloading %1…</source>
        <translation>%1 indiriliyor…</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="212"/>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="217"/>
        <source>Downloading %1: %2 of %3 MB</source>
        <translation>%1 indiriliyor: %2 / %3 MB</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="229"/>
        <source>Download failed</source>
        <translation>İndirme başarısız</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="254"/>
        <source>Data set: %1</source>
        <translation>Veri kümesi: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="255"/>
        <source>Run: %1</source>
        <translation>Çalıştırma: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="256"/>
        <source>Model: %1</source>
        <translation>Model: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/main_window.cpp" line="113"/>
        <source>Model: %1 (%n classes)</source>
        <translation>
            <numerusform>Model: %1 (%n sınıf)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="124"/>
        <source>The model could not be loaded: %1</source>
        <translation>Model yüklenemedi: %1</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="284"/>
        <source>About vitscope</source>
        <translation>vitscope hakkında</translation>
    </message>
    <message>
        <location filename="../ui/main_window.cpp" line="285"/>
        <source>&lt;h3&gt;vitscope %1&lt;/h3&gt;&lt;p&gt;Fine-tune and run Vision Transformers on endoscopy images.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;For research use only. Not for use in diagnostic procedures.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h3&gt;vitscope %1&lt;/h3&gt;&lt;p&gt;Endoskopi görüntüleri üzerinde Vision Transformer modellerini ince ayarlayın ve çalıştırın.&lt;/p&gt;&lt;p&gt;Qt %2&lt;/p&gt;&lt;p&gt;&lt;b&gt;Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>vitscope::PredictView</name>
    <message>
        <location filename="../ui/predict_view.cpp" line="64"/>
        <source>For research use only. Not for use in diagnostic procedures.</source>
        <translation>Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="67"/>
        <source>Drop an endoscopy image here,
or use Open… or Paste.</source>
        <translation>Bir endoskopi görüntüsünü buraya bırakın
ya da Aç… veya Yapıştır&apos;ı kullanın.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="85"/>
        <source>Probability (%)</source>
        <translation>Olasılık (%)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="91"/>
        <source>&amp;Open…</source>
        <translation>&amp;Aç…</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="92"/>
        <source>&amp;Paste</source>
        <translation>&amp;Yapıştır</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="93"/>
        <source>&amp;Export CSV…</source>
        <translation>CSV olarak &amp;dışa aktar…</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="94"/>
        <source>Show &amp;attention</source>
        <translation>&amp;Dikkati göster</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="95"/>
        <source>Colours the image by how much each region fed the decision (attention rollout over all layers). An aid to judge a prediction, not a segmentation.</source>
        <translation>Görüntüyü her bölgenin karara ne kadar katkı verdiğine göre renklendirir (tüm katmanlar boyunca dikkat aktarımı). Bir tahmini değerlendirmeye yardımcıdır, bir bölütleme değildir.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="132"/>
        <source>This model&apos;s classification head has not been trained: its probabilities are meaningless. Train it first (Train view) or open a fine-tuned model.</source>
        <translation>Bu modelin sınıflandırma katmanı eğitilmemiş: olasılıkları anlamsızdır. Önce eğitin (Eğitim görünümü) ya da ince ayarlı bir model açın.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="142"/>
        <source>No image files found in what was dropped.</source>
        <translation>Bırakılanlar arasında görüntü dosyası bulunamadı.</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/predict_view.cpp" line="147"/>
        <source>Predicting %n image(s)…</source>
        <translation>
            <numerusform>%n görüntü tahmin ediliyor…</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="156"/>
        <source>%1 — cannot be used</source>
        <translation>%1 — kullanılamaz</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="158"/>
        <source>%1 cannot be used: %2</source>
        <translation>%1 kullanılamaz: %2</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="232"/>
        <source>No attention map: %1</source>
        <translation>Dikkat haritası yok: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="251"/>
        <source>(no preview)</source>
        <translation>(önizleme yok)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="180"/>
        <source>This file cannot be used: %1</source>
        <translation>Bu dosya kullanılamaz: %1</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="201"/>
        <source>%1  %2 %</source>
        <translation>%1  %%2</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="213"/>
        <source>Most likely: %1 (%2 %)</source>
        <translation>En olası: %1 (%%2)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="287"/>
        <source>Only local files and folders can be dropped here.</source>
        <translation>Buraya yalnızca yerel dosyalar ve klasörler bırakılabilir.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="296"/>
        <source>Open images</source>
        <translation>Görüntüleri aç</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="297"/>
        <source>Images (%1)</source>
        <translation>Görüntüler (%1)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="306"/>
        <source>The clipboard holds no image.</source>
        <translation>Panoda görüntü yok.</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="316"/>
        <source>Export predictions</source>
        <translation>Tahminleri dışa aktar</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="316"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV dosyaları (*.csv)</translation>
    </message>
    <message>
        <location filename="../ui/predict_view.cpp" line="340"/>
        <source>Cannot write %1</source>
        <translation>%1 yazılamıyor</translation>
    </message>
</context>
<context>
    <name>vitscope::RunListModel</name>
    <message>
        <location filename="../ui/run_list_model.cpp" line="19"/>
        <source>running</source>
        <translation>çalışıyor</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="21"/>
        <source>finished</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="23"/>
        <source>stopped (resumable)</source>
        <translation>durduruldu (devam ettirilebilir)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="25"/>
        <source>stopped early</source>
        <translation>erken durduruldu</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="27"/>
        <source>failed</source>
        <translation>başarısız</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="36"/>
        <source>accuracy</source>
        <translation>doğruluk</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="38"/>
        <source>weighted F1</source>
        <translation>ağırlıklı F1</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="40"/>
        <source>macro F1</source>
        <translation>makro F1</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="42"/>
        <source>validation loss</source>
        <translation>doğrulama kaybı</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="44"/>
        <source>MCC</source>
        <translation>MCC</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="59"/>
        <source>unreadable</source>
        <translation>okunamıyor</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="64"/>
        <source>%1 — %2 — best %3 %4 (epoch %5)</source>
        <translation>%1 — %2 — en iyi %3 %4 (%5. epok)</translation>
    </message>
    <message>
        <location filename="../ui/run_list_model.cpp" line="65"/>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>vitscope::TrainView</name>
    <message>
        <location filename="../ui/train_view_form.cpp" line="68"/>
        <source>A folder with one sub-folder of images per class.</source>
        <translation>Her sınıf için bir görüntü alt klasörü içeren bir klasör.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="70"/>
        <source>A Hugging Face model folder: pretrained (e.g. google/vit-base-patch16-224-in21k), fine-tuned, or config-only to train from scratch.</source>
        <translation>Bir Hugging Face model klasörü: önceden eğitilmiş (ör. google/vit-base-patch16-224-in21k), ince ayarlı ya da sıfırdan eğitim için yalnızca yapılandırma.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="74"/>
        <source>How many passes over the training images.</source>
        <translation>Eğitim görüntüleri üzerinden kaç geçiş yapılacağı.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="75"/>
        <source>Images per optimisation step. Smaller uses less memory.</source>
        <translation>Optimizasyon adımı başına görüntü sayısı. Küçük değer daha az bellek kullanır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="84"/>
        <source>Peak learning rate (AdamW). The notebook used 0.00002.</source>
        <translation>En yüksek öğrenme oranı (AdamW). Not defteri 0.00002 kullanıyordu.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="77"/>
        <source>Steps over which the learning rate rises from 0; it then falls linearly to 0.</source>
        <translation>Öğrenme oranının 0&apos;dan yükseldiği adım sayısı; sonra doğrusal olarak 0&apos;a iner.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="87"/>
        <source>Shrinks weights a little each step; not applied to biases and LayerNorm weights.</source>
        <translation>Ağırlıkları her adımda biraz küçültür; sapmalara ve LayerNorm ağırlıklarına uygulanmaz.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="78"/>
        <source>Fixes the split, the data order and the initial head: the same seed gives the same run.</source>
        <translation>Bölmeyi, veri sırasını ve başlangıç katmanını sabitler: aynı tohum aynı çalıştırmayı verir.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="71"/>
        <source>Learning rate</source>
        <translation>Öğrenme oranı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="75"/>
        <source>learning rate</source>
        <translation>öğrenme oranı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="126"/>
        <source>Stopped: resumable</source>
        <translation>Durduruldu: devam ettirilebilir</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="126"/>
        <source>Finished</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="133"/>
        <source>Failed: see the log</source>
        <translation>Başarısız: günlüğe bakın</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="72"/>
        <source>a new folder under the runs folder</source>
        <translation>çalıştırmalar klasörü altında yeni bir klasör</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="73"/>
        <source>Where the run&apos;s checkpoints, metrics and predictions are written. To resume, pick a stopped run in the list.</source>
        <translation>Çalıştırmanın kontrol noktalarının, ölçümlerinin ve tahminlerinin yazıldığı yer. Devam ettirmek için listeden durdurulmuş bir çalıştırma seçin.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="76"/>
        <source>Adds up the gradients of several batches before each step: a larger effective batch in the same memory.</source>
        <translation>Her adımdan önce birkaç grubun gradyanlarını toplar: aynı bellekte daha büyük etkin grup.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="92"/>
        <source>Shares of every class for training, validation (selects the best epoch) and test (reported at the end). They must add up to 1.</source>
        <translation>Her sınıfın eğitim, doğrulama (en iyi epoku seçer) ve test (sonda raporlanır) payları. Toplamları 1 olmalıdır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="94"/>
        <source>Automatic (GPU if present)</source>
        <translation>Otomatik (varsa GPU)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="95"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="96"/>
        <source>CUDA GPU</source>
        <translation>CUDA GPU</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="98"/>
        <source>fp32 (exact)</source>
        <translation>fp32 (tam)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="99"/>
        <source>bf16 (faster)</source>
        <translation>bf16 (daha hızlı)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="100"/>
        <source>Automatic (bf16 where native)</source>
        <translation>Otomatik (donanım destekliyorsa bf16)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="101"/>
        <source>bf16 mixed precision computes in 16-bit floats and keeps fp32 master weights: two to three times faster where the hardware has it (an NVIDIA GPU, or a CPU with AMX or AVX512-BF16), with probabilities within about 1 %. fp32 computes exactly what transformers computes.</source>
        <translation>bf16 karma hassasiyet 16 bitlik kayan noktalı sayılarla hesaplar ve fp32 ana ağırlıkları korur: donanımın desteklediği yerde (bir NVIDIA GPU ya da AMX veya AVX512-BF16 bulunan bir CPU) iki ila üç kat daha hızlı, olasılıklar yaklaşık %1 içinde. fp32, transformers&apos;ın hesapladığını tam olarak hesaplar.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="107"/>
        <source>Which validation metric picks the best epoch.</source>
        <translation>En iyi epoku hangi doğrulama ölçütünün seçeceği.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="109"/>
        <source>Whole network</source>
        <translation>Tüm ağ</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="110"/>
        <source>Last 2 blocks</source>
        <translation>Son 2 blok</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="111"/>
        <source>Last block</source>
        <translation>Son blok</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="112"/>
        <source>Classifier only (linear probe)</source>
        <translation>Yalnızca sınıflandırıcı (doğrusal yoklama)</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="113"/>
        <source>&lt;p&gt;Which part of the network learns. &lt;b&gt;Whole network&lt;/b&gt; (the notebook&apos;s) trains every weight: the best accuracy, and on a CPU hours for ViT-B/16.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Last blocks&lt;/b&gt; train the last encoder blocks and the classifier; the rest keeps its pretrained weights. Several times faster, usually a little less accurate.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Classifier only&lt;/b&gt; trains just the final layer on the pretrained features: minutes on a CPU; on medical images about two points below training the whole network. It needs a pretrained model.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ağın hangi kısmının öğrendiği. &lt;b&gt;Tüm ağ&lt;/b&gt; (not defterindeki) her ağırlığı eğitir: en iyi doğruluk; CPU üzerinde ViT-B/16 için saatler.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Son bloklar&lt;/b&gt; son kodlayıcı bloklarını ve sınıflandırıcıyı eğitir; gerisi önceden eğitilmiş ağırlıklarını korur. Birkaç kat daha hızlı, genellikle biraz daha az doğru.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Yalnızca sınıflandırıcı&lt;/b&gt; önceden eğitilmiş özellikler üzerinde yalnızca son katmanı eğitir: CPU üzerinde dakikalar; tıbbi görüntülerde tüm ağı eğitmekten yaklaşık iki puan geride. Önceden eğitilmiş bir model gerektirir.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>h-flip</source>
        <translation>yatay çevirme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>v-flip</source>
        <translation>dikey çevirme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>90° turns</source>
        <translation>90° döndürme</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>crop</source>
        <translation>kırpma</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="119"/>
        <source>colour</source>
        <translation>renk</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="122"/>
        <source>Random, seeded changes to training images (off in the notebook).</source>
        <translation>Eğitim görüntülerinde tohumlu rastgele değişiklikler (not defterinde kapalı).</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="132"/>
        <source>&amp;Data set:</source>
        <translation>&amp;Veri kümesi:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="133"/>
        <source>&amp;Model:</source>
        <translation>&amp;Model:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="134"/>
        <source>&amp;Run folder:</source>
        <translation>Çalıştırma &amp;klasörü:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="135"/>
        <source>&amp;Epochs:</source>
        <translation>&amp;Epok sayısı:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="136"/>
        <source>&amp;Batch size:</source>
        <translation>&amp;Grup boyutu:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="137"/>
        <source>Gradient &amp;accumulation:</source>
        <translation>Gradyan &amp;biriktirme:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="138"/>
        <source>&amp;Learning rate:</source>
        <translation>Öğrenme &amp;oranı:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="139"/>
        <source>&amp;Warmup steps:</source>
        <translation>Isınma a&amp;dımları:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="140"/>
        <source>Weight &amp;decay:</source>
        <translation>Ağırlık &amp;azaltma:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="141"/>
        <source>Split train/val/test:</source>
        <translation>Bölme eğitim/doğrulama/test:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="142"/>
        <source>Best epoch &amp;by:</source>
        <translation>En iyi epok ö&amp;lçütü:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="143"/>
        <source>Fine-t&amp;une:</source>
        <translation>İnce a&amp;yar:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="144"/>
        <source>De&amp;vice:</source>
        <translation>A&amp;ygıt:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="145"/>
        <source>&amp;Precision:</source>
        <translation>&amp;Hassasiyet:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="146"/>
        <source>Augment:</source>
        <translation>Çoğaltma:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="147"/>
        <source>&amp;Seed:</source>
        <translation>&amp;Tohum:</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="148"/>
        <source>&amp;Start training</source>
        <translation>Eğitimi &amp;başlat</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="149"/>
        <source>S&amp;top</source>
        <translation>&amp;Durdur</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="150"/>
        <source>Stops after the current step and saves a checkpoint you can resume.</source>
        <translation>Geçerli adımdan sonra durur ve devam ettirilebilecek bir kontrol noktası kaydeder.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="151"/>
        <source>&amp;Resume</source>
        <translation>Devam &amp;et</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="152"/>
        <source>Continues the stopped run selected in the list from its last checkpoint.</source>
        <translation>Listede seçili durdurulmuş çalıştırmayı son kontrol noktasından sürdürür.</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="159"/>
        <source>Recipe</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="172"/>
        <source>Ru&amp;ns</source>
        <translation>Çalıştır&amp;malar</translation>
    </message>
    <message>
        <location filename="../ui/train_view_form.cpp" line="173"/>
        <source>Time est&amp;imate</source>
        <translation>Süre ta&amp;hmini</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/train_view_form.cpp" line="236"/>
        <source>Last %n block(s)</source>
        <translation>
            <numerusform>Son %n blok</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="174"/>
        <source>The split shares add up to %1; they must add up to 1.</source>
        <translation>Bölme paylarının toplamı %1; toplam 1 olmalıdır.</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="288"/>
        <source>Epoch (dashed: best, %1)</source>
        <translation>Epok (kesikli çizgi: en iyi, %1)</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="69"/>
        <location filename="../ui/train_view.cpp" line="76"/>
        <source>Loss</source>
        <translation>Kayıp</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="69"/>
        <source>Step</source>
        <translation>Adım</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="73"/>
        <source>training loss (per step)</source>
        <translation>eğitim kaybı (adım başına)</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="74"/>
        <source>smoothed</source>
        <translation>düzleştirilmiş</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="79"/>
        <source>Accuracy</source>
        <translation>Doğruluk</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="76"/>
        <location filename="../ui/train_view.cpp" line="79"/>
        <location filename="../ui/train_view.cpp" line="288"/>
        <source>Epoch</source>
        <translation>Epok</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="77"/>
        <location filename="../ui/train_view.cpp" line="80"/>
        <source>training</source>
        <translation>eğitim</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="78"/>
        <location filename="../ui/train_view.cpp" line="81"/>
        <source>validation</source>
        <translation>doğrulama</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="88"/>
        <source>idle</source>
        <translation>boşta</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="120"/>
        <source>%1: %2 of %3</source>
        <translation>%1: %2 / %3</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="125"/>
        <location filename="../ui/train_view.cpp" line="223"/>
        <source>Run %1: %2</source>
        <translation>Çalıştırma %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="132"/>
        <source>Training failed: %1</source>
        <translation>Eğitim başarısız: %1</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="182"/>
        <source>Starting run in %1</source>
        <translation>Çalıştırma %1 içinde başlatılıyor</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="194"/>
        <source>Resuming run %1</source>
        <translation>%1 çalıştırması sürdürülüyor</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="236"/>
        <source>epoch %1 · step %2/%3 · %4 images/s · ETA %5:%6</source>
        <translation>epok %1 · adım %2/%3 · %4 görüntü/sn · kalan %5:%6</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="255"/>
        <source>Epoch %1: validation accuracy %2, loss %3%4</source>
        <translation>Epok %1: doğrulama doğruluğu %2, kayıp %3%4</translation>
    </message>
    <message>
        <location filename="../ui/train_view.cpp" line="259"/>
        <source> — best so far</source>
        <translation> — şimdiye kadarki en iyi</translation>
    </message>
</context>
</TS>
