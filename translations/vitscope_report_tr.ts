<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR">
<context>
    <name>Report</name>
    <message>
        <location filename="../core/report/report.cpp" line="48"/>
        <location filename="../core/report/report.cpp" line="57"/>
        <source>n/a</source>
        <translation>yok</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="59"/>
        <source>%1&#xa0;%</source>
        <translation>%%1</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="80"/>
        <source>%1 s</source>
        <translation>%1 sn</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="82"/>
        <source>%1 min %2 s</source>
        <translation>%1 dk %2 sn</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="83"/>
        <source>%1 h %2 min</source>
        <translation>%1 sa %2 dk</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="100"/>
        <source>For research use only. Not for use in diagnostic procedures.</source>
        <translation>Yalnızca araştırma amaçlıdır. Tanı işlemlerinde kullanılmaz.</translation>
    </message>
    <message>
        <location filename="../core/report/report.cpp" line="168"/>
        <location filename="../core/report/report.cpp" line="204"/>
        <location filename="../core/report/report_sections_run.cpp" line="137"/>
        <source>Run report</source>
        <translation>Eğitim raporu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="81"/>
        <source>running (or killed)</source>
        <translation>sürüyor (ya da yarıda kesildi)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="82"/>
        <source>finished</source>
        <translation>tamamlandı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="83"/>
        <source>stopped</source>
        <translation>durduruldu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="84"/>
        <source>stopped early (no improvement)</source>
        <translation>erken durduruldu (iyileşme yok)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="85"/>
        <source>failed</source>
        <translation>başarısız oldu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="93"/>
        <location filename="../core/report/report_sections_run.cpp" line="310"/>
        <location filename="../core/report/report_sections_run.cpp" line="322"/>
        <source>not recorded</source>
        <translation>kaydedilmemiş</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="103"/>
        <source>CPU, 1 thread</source>
        <translation>CPU, 1 iş parçacığı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="104"/>
        <source>CPU, %1 threads</source>
        <translation>CPU, %1 iş parçacığı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="139"/>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="140"/>
        <source>Written</source>
        <translation>Oluşturulma</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="141"/>
        <source>Run folder</source>
        <translation>Eğitim klasörü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="143"/>
        <source>Message</source>
        <translation>İleti</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="150"/>
        <source>Intended use</source>
        <translation>Kullanım amacı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="151"/>
        <source>Research on fine-tuning Vision Transformers to classify endoscopy images: comparing recipes, studying the model&apos;s errors, its calibration and what it attends to, on retrospective, de-identified images.</source>
        <translation>Endoskopi görüntülerini sınıflandırmak için Vision Transformer modellerinin ince ayarı üzerine araştırma: eğitim tariflerini karşılaştırmak, modelin hatalarını, kalibrasyonunu ve neye dikkat ettiğini geriye dönük, kimliksizleştirilmiş görüntüler üzerinde incelemek.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="154"/>
        <source>Out-of-scope use</source>
        <translation>Kapsam dışı kullanım</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="155"/>
        <source>Diagnosis, screening, triage or any other decision about a patient&apos;s care.</source>
        <translation>Tanı, tarama, triyaj ya da hastanın bakımıyla ilgili başka herhangi bir karar.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="156"/>
        <source>Use as, or inside, a medical device.</source>
        <translation>Tıbbi cihaz olarak ya da bir tıbbi cihazın içinde kullanım.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="157"/>
        <source>Images from another hospital, endoscope or imaging setting, unless the model is validated again on such images.</source>
        <translation>Model bu tür görüntülerle yeniden doğrulanmadıkça başka bir hastanenin, endoskopun ya da görüntüleme koşulunun görüntüleri.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="159"/>
        <source>Classes other than those it was trained on: the model always answers with one of its classes.</source>
        <translation>Eğitildiği sınıfların dışındaki sınıflar: model her zaman kendi sınıflarından biriyle yanıt verir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="169"/>
        <source>Data</source>
        <translation>Veri</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="170"/>
        <source>split from the data folder</source>
        <translation>veri klasöründen ayrıldı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="176"/>
        <source>Data folder</source>
        <translation>Veri klasörü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="177"/>
        <source>Validation folder</source>
        <translation>Doğrulama klasörü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="178"/>
        <source>Test folder</source>
        <translation>Test klasörü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="179"/>
        <source>Label manifest</source>
        <translation>Etiket listesi</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="179"/>
        <source>no label manifest: labels are the class folders</source>
        <translation>etiket listesi yok: etiketler sınıf klasörleridir</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="182"/>
        <source>Split (train / validation / test)</source>
        <translation>Bölme (eğitim / doğrulama / test)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="185"/>
        <source>Split seed</source>
        <translation>Bölme tohumu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="199"/>
        <source>Images per class</source>
        <translation>Sınıf başına görüntü sayısı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="200"/>
        <location filename="../core/report/report_sections_eval.cpp" line="93"/>
        <location filename="../core/report/report_sections_eval.cpp" line="178"/>
        <source>Class</source>
        <translation>Sınıf</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="200"/>
        <source>Training</source>
        <translation>Eğitim</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="201"/>
        <source>Validation</source>
        <translation>Doğrulama</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="201"/>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="202"/>
        <location filename="../core/report/report_sections_run.cpp" line="212"/>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="218"/>
        <source>The split (split.json) is not available: images per class cannot be shown.</source>
        <translation>Bölme dosyası (split.json) yok: sınıf başına görüntü sayıları gösterilemiyor.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="219"/>
        <source>Images: %1 training, %2 validation, %3 test.</source>
        <translation>Görüntüler: %1 eğitim, %2 doğrulama, %3 test.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="226"/>
        <source>Files left out and duplicates</source>
        <translation>Dışarıda bırakılan ve yinelenen dosyalar</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="230"/>
        <source>File</source>
        <translation>Dosya</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="230"/>
        <source>Reason</source>
        <translation>Neden</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="237"/>
        <source>No file was left out as unusable.</source>
        <translation>Kullanılamaz diye dışarıda bırakılan dosya yok.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="238"/>
        <source>%1 files could not be used (this run recorded their number, not their names).</source>
        <translation>%1 dosya kullanılamadı (bu eğitim adlarını değil, yalnızca sayılarını kaydetti).</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="243"/>
        <source>Identical files (same content):</source>
        <translation>Özdeş dosyalar (aynı içerik):</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="250"/>
        <source>No identical files were found.</source>
        <translation>Özdeş dosya bulunmadı.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="251"/>
        <source>%1 groups of identical files (this run recorded their number, not their names).</source>
        <translation>%1 özdeş dosya grubu (bu eğitim adlarını değil, yalnızca sayılarını kaydetti).</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="256"/>
        <source>Warnings about the split:</source>
        <translation>Bölmeyle ilgili uyarılar:</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="267"/>
        <source>Model and recipe</source>
        <translation>Model ve eğitim tarifi</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="271"/>
        <source>Starting model</source>
        <translation>Başlangıç modeli</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="272"/>
        <source>Hugging Face Hub id</source>
        <translation>Hugging Face Hub kimliği</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="272"/>
        <source>none (a local model)</source>
        <translation>yok (yerel bir model)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="273"/>
        <source>Fine-tune mode</source>
        <translation>İnce ayar kipi</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="279"/>
        <location filename="../core/report/report_sections_run.cpp" line="290"/>
        <source>Architecture</source>
        <translation>Mimari</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="280"/>
        <source>Input size (pixels)</source>
        <translation>Girdi boyutu (piksel)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="281"/>
        <source>Patch size (pixels)</source>
        <translation>Yama boyutu (piksel)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="282"/>
        <source>Hidden size</source>
        <translation>Gizli katman boyutu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="283"/>
        <source>Encoder blocks</source>
        <translation>Kodlayıcı blokları</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="284"/>
        <source>Attention heads</source>
        <translation>Dikkat başlıkları</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="285"/>
        <source>MLP size</source>
        <translation>MLP boyutu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="286"/>
        <source>Classes</source>
        <translation>Sınıflar</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="287"/>
        <source>Parameters (millions)</source>
        <translation>Parametreler (milyon)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="291"/>
        <source>not available: the run has no exported model (checkpoints/best/config.json)</source>
        <translation>yok: eğitimin dışa aktarılmış modeli yok (checkpoints/best/config.json)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="294"/>
        <source>Recipe (the whole configuration in run.json)</source>
        <translation>Eğitim tarifi (run.json içindeki yapılandırmanın tamamı)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="304"/>
        <source>Hardware, run time and versions</source>
        <translation>Donanım, süre ve sürümler</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="308"/>
        <source>Device</source>
        <translation>Aygıt</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="309"/>
        <source>Started</source>
        <translation>Başlangıç</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="311"/>
        <source>Ended</source>
        <translation>Bitiş</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="312"/>
        <source>not recorded (the run did not end)</source>
        <translation>kaydedilmemiş (eğitim sona ermedi)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="313"/>
        <source>Duration</source>
        <translation>Süre</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="315"/>
        <location filename="../core/report/report_sections_eval.cpp" line="116"/>
        <location filename="../core/report/report_figures.cpp" line="205"/>
        <source>not available</source>
        <translation>yok</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_run.cpp" line="321"/>
        <source>Library versions</source>
        <translation>Kütüphane sürümleri</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="37"/>
        <source>Test results</source>
        <translation>Test sonuçları</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="41"/>
        <source>This run has no test part (no test/metrics.json): no test metrics, intervals, confusion matrix or calibration figures can be reported.</source>
        <translation>Bu eğitimin test bölümü yok (test/metrics.json yok): test ölçütleri, aralıklar, karışıklık matrisi ya da kalibrasyon değerleri raporlanamaz.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="44"/>
        <source>The best epoch&apos;s model on %1 test images, which took no part in training or in choosing the epoch.</source>
        <translation>En iyi epoch&apos;un modeli, eğitimde ve epoch seçiminde hiç kullanılmamış %1 test görüntüsü üzerinde.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="49"/>
        <source>Metric</source>
        <translation>Ölçüt</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="49"/>
        <source>Value</source>
        <translation>Değer</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="50"/>
        <source>95 % interval</source>
        <translation>%95 güven aralığı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="56"/>
        <source>Accuracy</source>
        <translation>Doğruluk</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="57"/>
        <source>Macro F1</source>
        <translation>Makro F1</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="58"/>
        <source>Weighted F1</source>
        <translation>Ağırlıklı F1</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="59"/>
        <source>Matthews correlation (MCC)</source>
        <translation>Matthews korelasyonu (MCC)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="60"/>
        <source>Macro precision</source>
        <translation>Makro kesinlik</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="61"/>
        <source>Macro recall</source>
        <translation>Makro duyarlılık</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="62"/>
        <source>Cross-entropy loss</source>
        <translation>Çapraz entropi kaybı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="77"/>
        <source>Intervals: %1 bootstrap (%2) over %3 resamples of the test images, seed %4. They show how much the figures could move with another sample of images like these.</source>
        <translation>Aralıklar: test görüntülerinin %3 yeniden örneklemesiyle %1 bootstrap (%2), tohum %4. Bunlara benzer başka bir görüntü örnekleminde değerlerin ne kadar değişebileceğini gösterir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="84"/>
        <source>Intervals are not available: this run was evaluated before bootstrap intervals were added.</source>
        <translation>Aralıklar yok: bu eğitim, bootstrap aralıkları eklenmeden önce değerlendirildi.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="92"/>
        <source>Per class</source>
        <translation>Sınıf başına</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="93"/>
        <source>Precision</source>
        <translation>Kesinlik</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="94"/>
        <source>Recall</source>
        <translation>Duyarlılık</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="94"/>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="95"/>
        <location filename="../core/report/report_sections_eval.cpp" line="178"/>
        <source>Images</source>
        <translation>Görüntü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="95"/>
        <source>Predicted</source>
        <translation>Tahmin edilen</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="110"/>
        <source>Confusion matrix</source>
        <translation>Karışıklık matrisi</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="123"/>
        <source>Calibration and prediction sets</source>
        <translation>Kalibrasyon ve tahmin kümeleri</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="128"/>
        <source>Calibration is not available: this run&apos;s test metrics hold no calibration figures (a run made before temperature scaling was added, or one without a test part).</source>
        <translation>Kalibrasyon yok: bu eğitimin test ölçütlerinde kalibrasyon değerleri bulunmuyor (sıcaklık ölçekleme eklenmeden önce yapılmış ya da test bölümü olmayan bir eğitim).</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="134"/>
        <source>A probability is only useful if it means what it says: of the images shown with 90 %, about 9 in 10 should be right. Temperature scaling divides the model&apos;s scores by one number T, fitted on the %1 validation images; it changes the probabilities, never the predicted class. Measured on the test images:</source>
        <translation>Bir olasılık ancak söylediği anlama geliyorsa işe yarar: %90 olasılıkla gösterilen görüntülerin yaklaşık 10&apos;da 9&apos;u doğru olmalıdır. Sıcaklık ölçekleme, modelin skorlarını %1 doğrulama görüntüsü üzerinde belirlenen tek bir T sayısına böler; olasılıkları değiştirir, tahmin edilen sınıfı asla değiştirmez. Test görüntüleri üzerinde ölçülen değerler:</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="139"/>
        <source>(number not recorded)</source>
        <translation>(sayısı kaydedilmemiş)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="141"/>
        <source>Measure</source>
        <translation>Ölçü</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="141"/>
        <source>Before scaling</source>
        <translation>Ölçekleme öncesi</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="142"/>
        <source>After scaling</source>
        <translation>Ölçekleme sonrası</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="144"/>
        <source>Temperature T</source>
        <translation>Sıcaklık T</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="146"/>
        <source>Negative log-likelihood (NLL)</source>
        <translation>Negatif log-olabilirlik (NLL)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="147"/>
        <source>Brier score</source>
        <translation>Brier skoru</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="148"/>
        <source>Expected calibration error (ECE)</source>
        <translation>Beklenen kalibrasyon hatası (ECE)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="149"/>
        <source>Maximum calibration error (MCE)</source>
        <translation>En büyük kalibrasyon hatası (MCE)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="154"/>
        <source>ECE and MCE over %1 equal-width confidence bins; lower is better for all four.</source>
        <translation>ECE ve MCE, %1 eşit genişlikte güven aralığı dilimi üzerinden; dördünde de düşük olan daha iyidir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="161"/>
        <source>Prediction sets</source>
        <translation>Tahmin kümeleri</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="164"/>
        <source>Prediction sets are not available for this run.</source>
        <translation>Bu eğitim için tahmin kümeleri yok.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="168"/>
        <source>Instead of one class, a prediction set holds every class whose probability passes a threshold (q = %1, split conformal, score %2) chosen on the validation images so that the set holds the true class for at least %3 of images like them. On the test images the sets held the true class for %4, with %5 classes per set on average.</source>
        <translation>Tahmin kümesi tek bir sınıf yerine, olasılığı bir eşiği geçen her sınıfı içerir (q = %1, bölünmüş konformal, skor %2). Eşik doğrulama görüntüleri üzerinde, küme bunlara benzer görüntülerin en az %3 kadarında doğru sınıfı içerecek biçimde seçilir. Test görüntülerinde kümeler doğru sınıfı %4 oranında içerdi; küme başına ortalama %5 sınıf.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="179"/>
        <source>Coverage</source>
        <translation>Kapsama</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="179"/>
        <source>Mean set size</source>
        <translation>Ortalama küme boyutu</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="187"/>
        <source>The guarantee is for all images together, not for each class: a class can fall below the target, most often a small one.</source>
        <translation>Güvence tek tek sınıflar için değil, tüm görüntüler birlikte içindir: bir sınıf, çoğunlukla küçük bir sınıf, hedefin altında kalabilir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="195"/>
        <source>What the model looked at</source>
        <translation>Modelin baktığı yerler</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="198"/>
        <source>No explanation examples were computed for this report.</source>
        <translation>Bu rapor için açıklama örneği hesaplanmadı.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="207"/>
        <source>Test images as the model saw them, with Grad-CAM (the image regions that raised the predicted class&apos;s score) and attention rollout (how much each patch fed the classifier through all layers). Red is most, blue least. These maps show where the model looked, not why, and can look convincing on a wrong answer.</source>
        <translation>Test görüntüleri modelin gördüğü biçimde; Grad-CAM (tahmin edilen sınıfın skorunu yükselten görüntü bölgeleri) ve dikkat yayılımı (her yamanın tüm katmanlar boyunca sınıflandırıcıyı ne kadar beslediği) ile. Kırmızı en çok, mavi en az. Bu haritalar modelin nereye baktığını gösterir, nedenini değil; yanlış bir yanıtta da ikna edici görünebilir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="213"/>
        <source>Grad-CAM is not available in this build: attention rollout only.</source>
        <translation>Grad-CAM bu sürümde yok: yalnızca dikkat yayılımı.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="220"/>
        <source>%1 &amp;nbsp;&amp;middot;&amp;nbsp; true: &lt;b&gt;%2&lt;/b&gt;, predicted: &lt;b&gt;%3&lt;/b&gt; (%4)</source>
        <translation>%1 &amp;nbsp;&amp;middot;&amp;nbsp; gerçek: &lt;b&gt;%2&lt;/b&gt;, tahmin: &lt;b&gt;%3&lt;/b&gt; (%4)</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="224"/>
        <source>Misclassified</source>
        <translation>Yanlış sınıflandırılanlar</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="224"/>
        <source>Correct</source>
        <translation>Doğru sınıflandırılanlar</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="226"/>
        <source>No misclassified test image.</source>
        <translation>Yanlış sınıflandırılan test görüntüsü yok.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="226"/>
        <source>No correct test image.</source>
        <translation>Doğru sınıflandırılan test görüntüsü yok.</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="193"/>
        <source>Image</source>
        <translation>Görüntü</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="194"/>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="195"/>
        <source>Attention rollout</source>
        <translation>Dikkat yayılımı</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="236"/>
        <source>Limitations</source>
        <translation>Sınırlamalar</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="238"/>
        <source>The images come from one site. Figures measured here say little about another hospital, endoscope, light source or bowel preparation.</source>
        <translation>Görüntüler tek bir merkezden geliyor. Burada ölçülen değerler başka bir hastane, endoskop, ışık kaynağı ya da bağırsak hazırlığı hakkında pek bir şey söylemez.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="240"/>
        <source>There are no patient identifiers, so images of one patient (often near-identical frames) may sit on both sides of the split; test figures can then be optimistic.</source>
        <translation>Hasta kimlikleri yok; bu yüzden aynı hastanın görüntüleri (çoğu zaman neredeyse aynı kareler) bölmenin iki yanında da bulunabilir ve test değerleri iyimser olabilir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="242"/>
        <source>The model may rely on shortcut artefacts rather than the tissue, such as on-screen insets, text overlays, black borders or markers that happen to go with a class. The maps above can show this.</source>
        <translation>Model dokunun yerine kısayol artefaktlarına dayanıyor olabilir: ekran içi küçük resimler, metin katmanları, siyah kenarlar ya da bir sınıfla rastlantısal olarak birlikte görülen işaretler gibi. Yukarıdaki haritalar bunu gösterebilir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="244"/>
        <source>Calibration and the prediction-set guarantee hold only for images like the validation images, not for another hospital or scope, nor when the mix of classes changes.</source>
        <translation>Kalibrasyon ve tahmin kümesi güvencesi yalnızca doğrulama görüntülerine benzeyen görüntüler için geçerlidir; başka bir hastane ya da endoskop için, sınıfların oranı değiştiğinde de geçerli değildir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_sections_eval.cpp" line="246"/>
        <source>Labels are the class folders as given; label errors in the data are neither found nor corrected.</source>
        <translation>Etiketler verildiği haliyle sınıf klasörleridir; verideki etiket hataları ne bulunur ne de düzeltilir.</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="87"/>
        <source>predicted class</source>
        <translation>tahmin edilen sınıf</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="91"/>
        <source>true class</source>
        <translation>gerçek sınıf</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="105"/>
        <source>Before scaling: ECE %1</source>
        <translation>Ölçekleme öncesi: ECE %1</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="106"/>
        <source>After scaling: ECE %1</source>
        <translation>Ölçekleme sonrası: ECE %1</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="136"/>
        <source>confidence</source>
        <translation>güven</translation>
    </message>
    <message>
        <location filename="../core/report/report_figures.cpp" line="140"/>
        <source>accuracy</source>
        <translation>doğruluk</translation>
    </message>
</context>
</TS>
