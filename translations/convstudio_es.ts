<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>EventUpdate</name>
    <message>
        <source>early stop</source>
        <translation>parada temprana</translation>
    </message>
    <message>
        <source>best weights</source>
        <translation>mejores pesos</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>checkpoint</translation>
    </message>
    <message>
        <source>LR reduced</source>
        <translation>tasa reducida</translation>
    </message>
    <message>
        <source>NaN loss</source>
        <translation>pérdida NaN</translation>
    </message>
    <message>
        <source>checkpoint failed</source>
        <translation>fallo del checkpoint</translation>
    </message>
    <message>
        <source>log failed</source>
        <translation>fallo del registro</translation>
    </message>
</context>
<context>
    <name>LessonSteps</name>
    <message>
        <source>the lesson names no page of the window (&quot;page&quot;: %1)</source>
        <translation>la lección no nombra ninguna página de la ventana (&quot;page&quot;: %1)</translation>
    </message>
    <message>
        <source>the course preset &quot;%1&quot; is not installed</source>
        <translation>el modelo del curso &quot;%1&quot; no está instalado</translation>
    </message>
    <message>
        <source>Lesson: load %1</source>
        <translation>Lección: cargar %1</translation>
    </message>
    <message>
        <source>Fashion-MNIST is not installed: install Debian&apos;s dataset-fashion-mnist package</source>
        <translation>Fashion-MNIST no está instalado: instala el paquete dataset-fashion-mnist de Debian</translation>
    </message>
    <message>
        <source>No folder named &quot;%1&quot; in %2. Choose it on the Data page (or set CONVSTUDIO_DATASETS to the folder that holds it).</source>
        <translation>No hay ninguna carpeta &quot;%1&quot; en %2. Elígela en la página Datos (o haz que CONVSTUDIO_DATASETS apunte a la carpeta que la contiene).</translation>
    </message>
    <message>
        <source>the model has no layer named &quot;%1&quot;: load the lesson&apos;s model first</source>
        <translation>el modelo no tiene ninguna capa &quot;%1&quot;: carga primero el modelo de la lección</translation>
    </message>
    <message>
        <source> image 1</source>
        <translation> imagen 1</translation>
    </message>
    <message>
        <source>No photo found (no cats_and_dogs_filtered folder, no data set loaded): drop one of yours on the Playground.</source>
        <translation>No se encontró ninguna foto (no hay carpeta cats_and_dogs_filtered ni conjunto de datos cargado): suelta una tuya en el Playground.</translation>
    </message>
    <message>
        <source>the Playground has no kernel named &quot;%1&quot;</source>
        <translation>el Playground no tiene ningún kernel &quot;%1&quot;</translation>
    </message>
    <message>
        <source>this version of ConvStudio cannot do the step &quot;%1&quot;</source>
        <translation>esta versión de ConvStudio no sabe hacer el paso &quot;%1&quot;</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Change %1 of %2</source>
        <translation>Cambiar %1 de %2</translation>
    </message>
    <message>
        <source>Drop a layer here to append it</source>
        <translation>Suelta aquí una capa para añadirla al final</translation>
    </message>
    <message>
        <source>Drag onto a connection to insert it there, or onto empty space to append it.</source>
        <translation>Arrástrala sobre una conexión para insertarla ahí, o a un espacio vacío para añadirla al final.</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>inputs</source>
        <translation>entradas</translation>
    </message>
    <message>
        <source>frozen</source>
        <translation>congelada</translation>
    </message>
    <message>
        <source>1× (as on screen)</source>
        <translation>1× (como en pantalla)</translation>
    </message>
    <message>
        <source>2× (slides, print)</source>
        <translation>2× (diapositivas, impresión)</translation>
    </message>
    <message>
        <source>3×</source>
        <translation>3×</translation>
    </message>
    <message>
        <source>4× (posters)</source>
        <translation>4× (pósteres)</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>Exportar PNG</translation>
    </message>
    <message>
        <source>Scale:</source>
        <translation>Escala:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Nothing on this page to export yet</source>
        <translation>Todavía no hay nada que exportar en esta página</translation>
    </message>
    <message>
        <source>filter %1, input channel %2</source>
        <translation>filtro %1, canal de entrada %2</translation>
    </message>
    <message>
        <source>
bias %1</source>
        <translation>
sesgo %1</translation>
    </message>
    <message>
        <source>%1 — %2 filters of %3×%4×%5</source>
        <translation>%1 — %2 filtros de %3×%4×%5</translation>
    </message>
    <message>
        <source>filter %1 (RGB), largest |w| %2</source>
        <translation>filtro %1 (RGB), |w| máximo %2</translation>
    </message>
    <message>
        <source>filter %1</source>
        <translation>filtro %1</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 valores</translation>
    </message>
    <message>
        <source>%1: %2 values, %3 … %4 (black lowest, white highest)</source>
        <translation>%1: %2 valores, %3 … %4 (negro el menor, blanco el mayor)</translation>
    </message>
    <message>
        <source>map %1</source>
        <translation>mapa %1</translation>
    </message>
    <message>
        <source>%1, map %2: %3×%4, values %5 … %6</source>
        <translation>%1, mapa %2: %3×%4, valores %5 … %6</translation>
    </message>
    <message>
        <source>Height: rows (vertical)</source>
        <translation>Alto: filas (vertical)</translation>
    </message>
    <message>
        <source>Width: columns (horizontal)</source>
        <translation>Ancho: columnas (horizontal)</translation>
    </message>
    <message>
        <source>Run %1 · %2</source>
        <translation>Ejecución %1 · %2</translation>
    </message>
    <message>
        <source> · failed</source>
        <translation> · fallida</translation>
    </message>
    <message>
        <source> · val_accuracy %1</source>
        <translation> · val_accuracy %1</translation>
    </message>
    <message>
        <source> · accuracy %1</source>
        <translation> · precisión %1</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message numerus="yes">
        <source>%n complete epoch(s)</source>
        <translation>
            <numerusform>%n época completa</numerusform>
            <numerusform>%n épocas completas</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped after %1</source>
        <translation>Detenida tras %1</translation>
    </message>
    <message>
        <source>Stopped during epoch %1&apos;s validation (%2)</source>
        <translation>Detenida durante la validación de la época %1 (%2)</translation>
    </message>
    <message>
        <source>Stopped in epoch %1 at batch %2/%3 (%4)</source>
        <translation>Detenida en la época %1, lote %2/%3 (%4)</translation>
    </message>
    <message>
        <source> · batch %1 · %2 epochs</source>
        <translation> · lote %1 · %2 épocas</translation>
    </message>
</context>
<context>
    <name>convstudio</name>
    <message>
        <source>Build, train and look inside convolutional neural networks.</source>
        <translation>Construye, entrena y mira por dentro redes neuronales convolucionales.</translation>
    </message>
    <message>
        <source>A project (.convstudio.json), an architecture (.json), a trained model (.safetensors) or a Keras model (.h5, to_json) to open.</source>
        <translation>Un proyecto (.convstudio.json), una arquitectura (.json), un modelo entrenado (.safetensors) o un modelo de Keras (.h5, to_json) que abrir.</translation>
    </message>
    <message>
        <source>Start with the course&apos;s first CNN instead of reopening the last project.</source>
        <translation>Empezar con la primera CNN del curso en lugar de volver a abrir el último proyecto.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>Open on a page: model, data, train, inspect, classify or playground.</source>
        <translation>Abrir en una página: model, data, train, inspect, classify o playground.</translation>
    </message>
    <message>
        <source>Colour theme for this run: system, light or dark.</source>
        <translation>Tema de color para esta ejecución: system, light o dark.</translation>
    </message>
</context>
<context>
    <name>cs::DatasetKind</name>
    <message>
        <source>CIFAR-10 binary</source>
        <translation>CIFAR-10 binario</translation>
    </message>
    <message>
        <source>image folders</source>
        <translation>carpetas de imágenes</translation>
    </message>
</context>
<context>
    <name>cs::Datasets</name>
    <message>
        <source>line %1 is empty; the file holds one class name a line, label 0 first</source>
        <translation>la línea %1 está vacía; el archivo contiene un nombre de clase por línea, empezando por la etiqueta 0</translation>
    </message>
    <message>
        <source>holds no class names</source>
        <translation>no contiene nombres de clase</translation>
    </message>
    <message>
        <source>more than 256 class names, but a label is one byte</source>
        <translation>más de 256 nombres de clase, pero una etiqueta ocupa un byte</translation>
    </message>
    <message>
        <source>the file is empty (a CIFAR-10 batch holds records of 3073 bytes)</source>
        <translation>el archivo está vacío (un lote de CIFAR-10 contiene registros de 3073 bytes)</translation>
    </message>
    <message>
        <source>size %1 bytes is not a multiple of the 3073-byte CIFAR-10 record (1 label byte + 3072 pixel bytes): truncated or not a CIFAR-10 binary batch; it looks like CIFAR-100 (2 label bytes a record), which is not supported</source>
        <translation>el tamaño de %1 bytes no es múltiplo del registro de 3073 bytes de CIFAR-10 (1 byte de etiqueta + 3072 bytes de píxeles): está truncado o no es un lote binario de CIFAR-10; parece CIFAR-100 (2 bytes de etiqueta por registro), que no es compatible</translation>
    </message>
    <message>
        <source>size %1 bytes is not a multiple of the 3073-byte CIFAR-10 record (1 label byte + 3072 pixel bytes): truncated or not a CIFAR-10 binary batch</source>
        <translation>el tamaño de %1 bytes no es múltiplo del registro de 3073 bytes de CIFAR-10 (1 byte de etiqueta + 3072 bytes de píxeles): está truncado o no es un lote binario de CIFAR-10</translation>
    </message>
    <message>
        <source>read failed at record %1</source>
        <translation>la lectura falló en el registro %1</translation>
    </message>
    <message>
        <source>record %1 has label %2, but there are %3 classes (labels 0-%4)</source>
        <translation>el registro %1 tiene la etiqueta %2, pero hay %3 clases (etiquetas 0-%4)</translation>
    </message>
    <message>
        <source>no such folder</source>
        <translation>no existe esa carpeta</translation>
    </message>
    <message>
        <source>no data_batch_*.bin: a CIFAR-10 binary folder holds data_batch_1.bin ... data_batch_5.bin, test_batch.bin and batches.meta.txt</source>
        <translation>no hay data_batch_*.bin: una carpeta binaria de CIFAR-10 contiene data_batch_1.bin ... data_batch_5.bin, test_batch.bin y batches.meta.txt</translation>
    </message>
    <message>
        <source>missing test_batch.bin (a CIFAR-10 binary folder holds data_batch_*.bin, test_batch.bin and batches.meta.txt)</source>
        <translation>falta test_batch.bin (una carpeta binaria de CIFAR-10 contiene data_batch_*.bin, test_batch.bin y batches.meta.txt)</translation>
    </message>
    <message>
        <source>%1 has %2 images but %3 has %4 labels</source>
        <translation>%1 tiene %2 imágenes, pero %3 tiene %4 etiquetas</translation>
    </message>
    <message>
        <source>too short to be an IDX file (%1 bytes)</source>
        <translation>demasiado corto para ser un archivo IDX (%1 bytes)</translation>
    </message>
    <message>
        <source>not an IDX file: bad magic %1 (an IDX file starts with 0x00 0x00 &lt;type&gt; &lt;rank&gt;)</source>
        <translation>no es un archivo IDX: número mágico incorrecto %1 (un archivo IDX empieza por 0x00 0x00 &lt;tipo&gt; &lt;rango&gt;)</translation>
    </message>
    <message>
        <source>IDX data type %1 (%2) is not supported; only 0x08 (unsigned byte) is</source>
        <translation>el tipo de datos IDX %1 (%2) no es compatible; solo lo es 0x08 (byte sin signo)</translation>
    </message>
    <message>
        <source>expected an IDX file of rank %1, found rank %2</source>
        <translation>se esperaba un archivo IDX de rango %1 y tiene rango %2</translation>
    </message>
    <message>
        <source>truncated header: rank %1 needs %2 header bytes, file has %3</source>
        <translation>cabecera truncada: el rango %1 necesita %2 bytes de cabecera y el archivo tiene %3</translation>
    </message>
    <message>
        <source>dimension %1 of %2 is 0</source>
        <translation>la dimensión %1 de %2 es 0</translation>
    </message>
    <message>
        <source>dimension %1 of %2 is %3, beyond the limit of %4 (corrupt header?)</source>
        <translation>la dimensión %1 de %2 es %3, más allá del límite de %4 (¿cabecera dañada?)</translation>
    </message>
    <message>
        <source>header promises more than 4 GiB of data (corrupt header?)</source>
        <translation>la cabecera anuncia más de 4 GiB de datos (¿cabecera dañada?)</translation>
    </message>
    <message>
        <source>truncated: header promises %1 bytes of data, file has %2</source>
        <translation>truncado: la cabecera anuncia %1 bytes de datos y el archivo tiene %2</translation>
    </message>
    <message>
        <source>more data than the header promises (%1 bytes); not a valid IDX file</source>
        <translation>más datos de los que anuncia la cabecera (%1 bytes); no es un archivo IDX válido</translation>
    </message>
    <message>
        <source>header promises %1 bytes of data, more than a %2-byte gzip file can hold (at most %3): corrupt header?</source>
        <translation>la cabecera anuncia %1 bytes de datos, más de los que caben en un archivo gzip de %2 bytes (como máximo %3): ¿cabecera dañada?</translation>
    </message>
    <message>
        <source>not a folder</source>
        <translation>no es una carpeta</translation>
    </message>
    <message>
        <source>missing %1 (an IDX data set folder holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, each possibly .gz)</source>
        <translation>falta %1 (la carpeta de un conjunto de datos IDX contiene train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte y t10k-labels-idx1-ubyte, cada uno quizá en .gz)</translation>
    </message>
    <message>
        <source>%1 has %2 images but %3 has %4 images</source>
        <translation>%1 tiene imágenes de %2, pero %3 tiene imágenes de %4</translation>
    </message>
    <message>
        <source>%1 names %2 classes but the labels go up to %3</source>
        <translation>%1 nombra %2 clases, pero las etiquetas llegan hasta %3</translation>
    </message>
    <message>
        <source>class folder &apos;%1&apos; is not among the training classes (%2 sub-folders of the train split); every split must use the same class names</source>
        <translation>la carpeta de clase &apos;%1&apos; no está entre las clases de entrenamiento (%2 subcarpetas de la partición train); todas las particiones deben usar los mismos nombres de clase</translation>
    </message>
    <message>
        <source>the folder is empty: an image data set holds one sub-folder per class (%1/cats/..., %1/dogs/...)</source>
        <translation>la carpeta está vacía: un conjunto de datos de imágenes contiene una subcarpeta por clase (%1/cats/..., %1/dogs/...)</translation>
    </message>
    <message>
        <source>holds %1 files but no class sub-folders: put each class&apos;s images in a sub-folder named after the class (%2/cats/..., %2/dogs/...)</source>
        <translation>contiene %1 archivos pero ninguna subcarpeta de clase: pon las imágenes de cada clase en una subcarpeta con el nombre de la clase (%2/cats/..., %2/dogs/...)</translation>
    </message>
    <message>
        <source>no images in the class sub-folders (%1 classes, %2 other files)</source>
        <translation>no hay imágenes en las subcarpetas de clase (%1 clases, %2 archivos de otro tipo)</translation>
    </message>
    <message>
        <source>class_mode binary needs exactly 2 classes; %1 has %2</source>
        <translation>class_mode binary necesita exactamente 2 clases; %1 tiene %2</translation>
    </message>
    <message>
        <source>none of the %1 training images could be decoded (%2)</source>
        <translation>no se pudo decodificar ninguna de las %1 imágenes de entrenamiento (%2)</translation>
    </message>
    <message>
        <source>unexpected data after the end of the gzip stream</source>
        <translation>datos inesperados tras el final del flujo gzip</translation>
    </message>
    <message>
        <source>truncated gzip data</source>
        <translation>datos gzip truncados</translation>
    </message>
    <message>
        <source>corrupt gzip data (%1)</source>
        <translation>datos gzip dañados (%1)</translation>
    </message>
    <message>
        <source>more than %1 bytes once decompressed, too large to read</source>
        <translation>más de %1 bytes una vez descomprimido, demasiado grande para leerlo</translation>
    </message>
    <message>
        <source>more than %1 bytes, too large to read</source>
        <translation>más de %1 bytes, demasiado grande para leerlo</translation>
    </message>
    <message>
        <source>a %1 image whose size cannot be read: %2; not decoded (the file has %3 bytes)</source>
        <translation>una imagen %1 cuyo tamaño no se puede leer: %2; no se decodifica (el archivo tiene %3 bytes)</translation>
    </message>
    <message>
        <source>truncated: a %1 of %2x%3 pixels holds at least %4 bytes of pixel data, but the file has %5; not decoded</source>
        <translation>truncado: un %1 de %2x%3 píxeles contiene al menos %4 bytes de datos de píxeles, pero el archivo tiene %5; no se decodifica</translation>
    </message>
    <message>
        <source>an image format whose size cannot be checked before decoding; not decoded</source>
        <translation>un formato de imagen cuyo tamaño no se puede comprobar antes de decodificarlo; no se decodifica</translation>
    </message>
    <message>
        <source>cannot be decoded as an image (%1)</source>
        <translation>no se puede decodificar como imagen (%1)</translation>
    </message>
    <message>
        <source>not an image OpenCV can read (corrupt or unsupported format)</source>
        <translation>no es una imagen que OpenCV pueda leer (dañada o en un formato no compatible)</translation>
    </message>
    <message>
        <source>unknown split &apos;%1&apos; (use train, validation or test)</source>
        <translation>partición desconocida &apos;%1&apos; (usa train, validation o test)</translation>
    </message>
    <message>
        <source>%1: a %2 data set has train and test splits only (training takes validation data from the end of train, see --validation-split)</source>
        <translation>%1: un conjunto de datos %2 solo tiene las particiones train y test (el entrenamiento toma los datos de validación del final de train; mira --validation-split)</translation>
    </message>
    <message>
        <source>%1: has no %2 images (%3)</source>
        <translation>%1: no tiene imágenes de %2 (%3)</translation>
    </message>
    <message>
        <source>unknown color_mode &apos;%1&apos; (use grayscale or rgb)</source>
        <translation>color_mode desconocido &apos;%1&apos; (usa grayscale o rgb)</translation>
    </message>
    <message>
        <source>unknown class_mode &apos;%1&apos; (use categorical, sparse or binary)</source>
        <translation>class_mode desconocido &apos;%1&apos; (usa categorical, sparse o binary)</translation>
    </message>
    <message>
        <source>unknown interpolation &apos;%1&apos; (use auto, nearest, bilinear, bicubic, area or lanczos)</source>
        <translation>interpolación desconocida &apos;%1&apos; (usa auto, nearest, bilinear, bicubic, area o lanczos)</translation>
    </message>
    <message>
        <source>validation_split must be in [0, 1)</source>
        <translation>validation_split debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>target size must be at least 1x1</source>
        <translation>el tamaño de destino debe ser al menos 1x1</translation>
    </message>
    <message>
        <source>prefetch must be at least 1 batch</source>
        <translation>la precarga debe ser de al menos 1 lote</translation>
    </message>
    <message>
        <source>images [%1, %2) are outside a set of %3</source>
        <translation>las imágenes [%1, %2) quedan fuera de un conjunto de %3</translation>
    </message>
    <message>
        <source>none of the %1 images could be decoded (%2)</source>
        <translation>no se pudo decodificar ninguna de las %1 imágenes (%2)</translation>
    </message>
    <message>
        <source>the preview needs at least one transform per image</source>
        <translation>la vista previa necesita al menos una transformación por imagen</translation>
    </message>
    <message>
        <source>no source images to preview</source>
        <translation>no hay imágenes de origen para la vista previa</translation>
    </message>
    <message>
        <source>the data set needs %1 for %3 training and %4 test images, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>el conjunto de datos necesita %1 para %3 imágenes de entrenamiento y %4 de prueba, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>%1: not a folder (a data set is a folder)</source>
        <translation>%1: no es una carpeta (un conjunto de datos es una carpeta)</translation>
    </message>
    <message>
        <source>%1: no such folder (install Debian&apos;s dataset-fashion-mnist package)</source>
        <translation>%1: no existe esa carpeta (instala el paquete dataset-fashion-mnist de Debian)</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: no existe esa carpeta</translation>
    </message>
    <message>
        <source>%1: not a data set folder ConvStudio recognises: expected the four IDX files of MNIST/Fashion-MNIST (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]), the CIFAR-10 binary files (data_batch_*.bin, test_batch.bin) or one sub-folder of images per class</source>
        <translation>%1: no es una carpeta de datos que ConvStudio reconozca: se esperaban los cuatro archivos IDX de MNIST/Fashion-MNIST (train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz], t10k-labels-idx1-ubyte[.gz]), los archivos binarios de CIFAR-10 (data_batch_*.bin, test_batch.bin) o una subcarpeta de imágenes por clase</translation>
    </message>
    <message>
        <source>%1: unknown data set kind</source>
        <translation>%1: tipo de conjunto de datos desconocido</translation>
    </message>
    <message>
        <source>the data set needs %1 for %3 images of %4x%5 pixels, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>el conjunto de datos necesita %1 para %3 imágenes de %4x%5 píxeles, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>the data needs %1, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>los datos necesitan %1, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>the decoded image data needs %1 (%3 images of %4x%5x%6), over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller target size or fewer images</source>
        <translation>las imágenes decodificadas necesitan %1 (%3 imágenes de %4x%5x%6), por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa un tamaño de destino menor o menos imágenes</translation>
    </message>
    <message>
        <source>the model takes %1-channel images; only grey (1) and RGB (3) images can be read</source>
        <translation>el modelo toma imágenes de %1 canales; solo se pueden leer imágenes en gris (1) y RGB (3)</translation>
    </message>
    <message>
        <source>the image is empty or not 8-bit</source>
        <translation>la imagen está vacía o no es de 8 bits</translation>
    </message>
    <message>
        <source>image range [%1, %2) is outside a set of %3 images</source>
        <translation>el rango de imágenes [%1, %2) queda fuera de un conjunto de %3 imágenes</translation>
    </message>
    <message>
        <source>the images need %1 for %3 records, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>las imágenes necesitan %1 para %3 registros, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>a folder link that cannot be resolved (%1)</source>
        <translation>un enlace a carpeta que no se puede resolver (%1)</translation>
    </message>
    <message>
        <source>a link to %1, outside the folder being read: not followed</source>
        <translation>un enlace a %1, fuera de la carpeta que se lee: no se sigue</translation>
    </message>
    <message>
        <source>a link to %1, which holds this folder (a loop): not followed</source>
        <translation>un enlace a %1, que contiene esta carpeta (un bucle): no se sigue</translation>
    </message>
    <message>
        <source>a link to %1, a folder already read (a loop or a second path): not followed</source>
        <translation>un enlace a %1, una carpeta ya leída (un bucle o una segunda ruta): no se sigue</translation>
    </message>
    <message>
        <source>a link back to a folder that holds it (a loop): not followed</source>
        <translation>un enlace de vuelta a una carpeta que lo contiene (un bucle): no se sigue</translation>
    </message>
    <message>
        <source>not an image (no decoder recognises its content)</source>
        <translation>no es una imagen (ningún decodificador reconoce su contenido)</translation>
    </message>
    <message>
        <source>not in a class sub-folder</source>
        <translation>no está en una subcarpeta de clase</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>archivo vacío</translation>
    </message>
    <message>
        <source>read error</source>
        <translation>error de lectura</translation>
    </message>
    <message>
        <source>truncated JPEG (no end-of-image marker)</source>
        <translation>JPEG truncado (sin marcador de fin de imagen)</translation>
    </message>
    <message>
        <source>cannot be decoded: %1</source>
        <translation>no se puede decodificar: %1</translation>
    </message>
    <message>
        <source>corrupt or unsupported image data (the decoder gave up)</source>
        <translation>datos de imagen dañados o no admitidos (el decodificador se rindió)</translation>
    </message>
    <message>
        <source>pixels</source>
        <translation>píxeles</translation>
    </message>
    <message>
        <source>megapixels</source>
        <translation>megapíxeles</translation>
    </message>
    <message>
        <source>megapixel</source>
        <translation>megapíxeles</translation>
    </message>
    <message>
        <source>pixel</source>
        <translation>píxeles</translation>
    </message>
    <message>
        <source>a %1 of %2x%3 pixels (%4 %5) by its header, over the %6-%7 limit (CONVSTUDIO_MAX_IMAGE_PIXELS): not decoded (the file has %8 bytes)</source>
        <translation>un %1 de %2x%3 píxeles (%4 %5) según su cabecera, por encima del límite de %6 %7 (CONVSTUDIO_MAX_IMAGE_PIXELS): no se decodifica (el archivo tiene %8 bytes)</translation>
    </message>
    <message>
        <source>its header gives a size of %1x%2</source>
        <translation>su cabecera indica un tamaño de %1x%2</translation>
    </message>
    <message>
        <source>the header is truncated</source>
        <translation>la cabecera está truncada</translation>
    </message>
    <message>
        <source>no IHDR chunk first (corrupt PNG)</source>
        <translation>no empieza por un bloque IHDR (PNG dañado)</translation>
    </message>
    <message>
        <source>no frame header (SOF) before the end of the file</source>
        <translation>no hay cabecera de fotograma (SOF) antes del final del archivo</translation>
    </message>
    <message>
        <source>no frame header (SOF) before the image data</source>
        <translation>no hay cabecera de fotograma (SOF) antes de los datos de la imagen</translation>
    </message>
    <message>
        <source>a marker segment of length %1</source>
        <translation>un segmento de marcador de longitud %1</translation>
    </message>
    <message>
        <source>more than 65536 marker segments before the frame header</source>
        <translation>más de 65536 segmentos de marcador antes de la cabecera de fotograma</translation>
    </message>
    <message>
        <source>an info header of %1 bytes</source>
        <translation>una cabecera de información de %1 bytes</translation>
    </message>
    <message>
        <source>its header gives a width of %1</source>
        <translation>su cabecera indica un ancho de %1</translation>
    </message>
    <message>
        <source>no VP8 key frame start code</source>
        <translation>no hay código de inicio de fotograma clave VP8</translation>
    </message>
    <message>
        <source>no VP8L signature byte</source>
        <translation>no hay byte de firma VP8L</translation>
    </message>
    <message>
        <source>no VP8, VP8L or VP8X chunk first</source>
        <translation>no empieza por un bloque VP8, VP8L o VP8X</translation>
    </message>
    <message>
        <source>image size tag %1 of type %2</source>
        <translation>etiqueta de tamaño de imagen %1 de tipo %2</translation>
    </message>
    <message>
        <source>no ImageWidth and ImageLength in its first directory</source>
        <translation>no hay ImageWidth e ImageLength en su primer directorio</translation>
    </message>
    <message>
        <source>no width and height after the magic number</source>
        <translation>no hay ancho y alto tras el número mágico</translation>
    </message>
    <message>
        <source>no WIDTH and HEIGHT before ENDHDR</source>
        <translation>no hay WIDTH y HEIGHT antes de ENDHDR</translation>
    </message>
    <message>
        <source>no resolution line in the first 64 kB</source>
        <translation>no hay línea de resolución en los primeros 64 kB</translation>
    </message>
    <message>
        <source>a resolution line that is not like &apos;-Y 512 +X 768&apos;</source>
        <translation>una línea de resolución que no es como &apos;-Y 512 +X 768&apos;</translation>
    </message>
    <message>
        <source>a resolution line without sizes</source>
        <translation>una línea de resolución sin tamaños</translation>
    </message>
    <message>
        <source>an empty dataWindow</source>
        <translation>un dataWindow vacío</translation>
    </message>
    <message>
        <source>no dataWindow attribute</source>
        <translation>no hay atributo dataWindow</translation>
    </message>
    <message>
        <source>no SIZ segment at the codestream&apos;s start</source>
        <translation>no hay segmento SIZ al principio del codestream</translation>
    </message>
    <message>
        <source>an empty image area in its SIZ segment</source>
        <translation>un área de imagen vacía en su segmento SIZ</translation>
    </message>
    <message>
        <source>no image header box</source>
        <translation>no hay caja de cabecera de imagen</translation>
    </message>
    <message>
        <source>DICOM images are not read: their size cannot be checked before decoding</source>
        <translation>las imágenes DICOM no se leen: su tamaño no se puede comprobar antes de decodificarlas</translation>
    </message>
</context>
<context>
    <name>cs::Files</name>
    <message>
        <source>cannot open: %1</source>
        <translation>no se puede abrir: %1</translation>
    </message>
    <message>
        <source>cannot read: %1</source>
        <translation>no se puede leer: %1</translation>
    </message>
    <message>
        <source>cannot open</source>
        <translation>no se puede abrir</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; has shape %2, the architecture needs %3</source>
        <translation>el peso &apos;%1&apos; tiene forma %2, pero la arquitectura necesita %3</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>no existe ese archivo</translation>
    </message>
    <message>
        <source>expected %1, found %2</source>
        <translation>se esperaba %1 y se encontró %2</translation>
    </message>
    <message>
        <source>item %1</source>
        <translation>elemento %1</translation>
    </message>
    <message>
        <source>key &apos;%1&apos;</source>
        <translation>clave &apos;%1&apos;</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>un booleano</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>un número</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>una cadena de texto</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>una lista</translation>
    </message>
    <message>
        <source>an object</source>
        <translation>un objeto</translation>
    </message>
    <message>
        <source>binary data</source>
        <translation>datos binarios</translation>
    </message>
    <message>
        <source>integer %1 is out of range</source>
        <translation>el entero %1 está fuera de rango</translation>
    </message>
    <message>
        <source>expected an integer, found %1</source>
        <translation>se esperaba un entero y se encontró %1</translation>
    </message>
    <message>
        <source>integer %1 is out of range for an int</source>
        <translation>el entero %1 está fuera del rango de un int</translation>
    </message>
    <message>
        <source>missing key &apos;%1&apos;</source>
        <translation>falta la clave &apos;%1&apos;</translation>
    </message>
    <message>
        <source>index %1 is out of range for an array of %2 items</source>
        <translation>el índice %1 está fuera de rango para una lista de %2 elementos</translation>
    </message>
    <message>
        <source>line %1, column %2: nesting deeper than %3 levels</source>
        <translation>línea %1, columna %2: anidamiento de más de %3 niveles</translation>
    </message>
    <message>
        <source>line %1, column %2: duplicate key &apos;%3&apos;</source>
        <translation>línea %1, columna %2: clave &apos;%3&apos; repetida</translation>
    </message>
    <message>
        <source>line %1, column %2: %3</source>
        <translation>línea %1, columna %2: %3</translation>
    </message>
    <message>
        <source>not a regular file</source>
        <translation>no es un archivo normal</translation>
    </message>
    <message>
        <source>truncated: %1 bytes wanted at offset %2, the file has %3 bytes</source>
        <translation>truncado: se querían %1 bytes en la posición %2 y el archivo tiene %3 bytes</translation>
    </message>
    <message>
        <source>too short to be a safetensors file (%1 bytes)</source>
        <translation>demasiado corto para ser un archivo safetensors (%1 bytes)</translation>
    </message>
    <message>
        <source>header length %1 does not fit in a file of %2 bytes (truncated or not a safetensors file)</source>
        <translation>la longitud de cabecera %1 no cabe en un archivo de %2 bytes (truncado o no es un archivo safetensors)</translation>
    </message>
    <message>
        <source>header is not valid JSON</source>
        <translation>la cabecera no es JSON válido</translation>
    </message>
    <message>
        <source>header is not a JSON object</source>
        <translation>la cabecera no es un objeto JSON</translation>
    </message>
    <message>
        <source>__metadata__ has no &apos;%1&apos; (not a ConvStudio model file?)</source>
        <translation>__metadata__ no tiene &apos;%1&apos; (¿no es un archivo de modelo de ConvStudio?)</translation>
    </message>
    <message>
        <source>__metadata__ &apos;%1&apos;</source>
        <translation>__metadata__, clave &apos;%1&apos;</translation>
    </message>
    <message>
        <source>expected an object, found %1</source>
        <translation>se esperaba un objeto y se encontró %1</translation>
    </message>
    <message>
        <source>key &apos;%1&apos; must be a whole number &gt;= 0 (the optimizer&apos;s step count), found %2</source>
        <translation>la clave &apos;%1&apos; debe ser un número entero &gt;= 0 (el número de pasos del optimizador), pero es %2</translation>
    </message>
    <message>
        <source>optimizer slot &apos;%1&apos; has the wrong shape %2, its weight has %3</source>
        <translation>la variable del optimizador &apos;%1&apos; tiene una forma incorrecta %2; su peso tiene %3</translation>
    </message>
    <message>
        <source>optimizer slot &apos;%1&apos; holds %2: the saved training state is broken</source>
        <translation>la variable del optimizador &apos;%1&apos; contiene %2: el estado de entrenamiento guardado está dañado</translation>
    </message>
    <message>
        <source>optimizer state of &apos;%1&apos; has %2 of the %3 slots %4 keeps</source>
        <translation>el estado del optimizador de &apos;%1&apos; tiene %2 de las %3 variables que guarda %4</translation>
    </message>
    <message>
        <source>not a ConvStudio model (format &apos;%1&apos;)</source>
        <translation>no es un modelo de ConvStudio (formato &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>model format version %1 is not supported (this ConvStudio reads %2)</source>
        <translation>la versión %1 del formato de modelo no es compatible (esta versión de ConvStudio lee la %2)</translation>
    </message>
    <message>
        <source>__metadata__ &apos;%1&apos; is invalid</source>
        <translation>__metadata__ &apos;%1&apos; no es válido</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; is missing</source>
        <translation>falta el peso &apos;%1&apos;</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; holds %2: the model is broken (did its training diverge?); retrain it</source>
        <translation>el peso &apos;%1&apos; contiene %2: el modelo está dañado (¿divergió su entrenamiento?); vuelve a entrenarlo</translation>
    </message>
    <message>
        <source>%1 class names for a model with %2 outputs</source>
        <translation>%1 nombres de clase para un modelo con %2 salidas</translation>
    </message>
    <message>
        <source>holds %1 tensor(s) that the architecture does not use</source>
        <translation>contiene %1 tensor(es) que la arquitectura no usa</translation>
    </message>
    <message>
        <source>%1 is far too large for an architecture (at most %2)</source>
        <translation>%1 es demasiado grande para una arquitectura (como máximo %2)</translation>
    </message>
    <message>
        <source>a Keras 3 .keras archive is not supported: save the model with model.save(&quot;model.h5&quot;) (or write model.to_json())</source>
        <translation>un archivo .keras de Keras 3 no es compatible: guarda el modelo con model.save(&quot;model.h5&quot;) (o escribe model.to_json())</translation>
    </message>
    <message>
        <source>an architecture must be a JSON object</source>
        <translation>una arquitectura debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>not a ConvStudio architecture (format is &apos;%1&apos;)</source>
        <translation>no es una arquitectura de ConvStudio (el formato es &apos;%1&apos;)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a non-empty list</source>
        <translation>&apos;%1&apos; debe ser una lista no vacía</translation>
    </message>
    <message>
        <source>layer %1</source>
        <translation>capa %1</translation>
    </message>
    <message>
        <source>layer %1 (%2)</source>
        <translation>capa %1 (%2)</translation>
    </message>
    <message>
        <source>not a ConvStudio architecture (format is &apos;%1&apos;, expected &apos;%2&apos;)</source>
        <translation>no es una arquitectura de ConvStudio (el formato es &apos;%1&apos;; se esperaba &apos;%2&apos;)</translation>
    </message>
    <message>
        <source>architecture version %1 is newer than this ConvStudio understands (%2)</source>
        <translation>la versión %1 de la arquitectura es más reciente de la que entiende esta versión de ConvStudio (%2)</translation>
    </message>
    <message>
        <source>missing key &apos;%1&apos; (the list of layers)</source>
        <translation>falta la clave &apos;%1&apos; (la lista de capas)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be an object, found %2</source>
        <translation>&apos;%1&apos; debe ser un objeto, pero es %2</translation>
    </message>
    <message>
        <source>the first layer must be an InputLayer (or carry &apos;input_shape&apos;)</source>
        <translation>la primera capa debe ser una InputLayer (o llevar &apos;input_shape&apos;)</translation>
    </message>
    <message>
        <source>__metadata__ must be an object of strings, found %1</source>
        <translation>__metadata__ debe ser un objeto de textos; se encontró %1</translation>
    </message>
    <message>
        <source>__metadata__ value &apos;%1&apos; is not a string</source>
        <translation>el valor &apos;%1&apos; de __metadata__ no es un texto</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos;</source>
        <translation>el tensor &apos;%1&apos;</translation>
    </message>
    <message>
        <source>its entry is not an object</source>
        <translation>su entrada no es un objeto</translation>
    </message>
    <message>
        <source>key &apos;dtype&apos; must be a string, found %1</source>
        <translation>la clave &apos;dtype&apos; debe ser un texto; se encontró %1</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has dtype &apos;%2&apos;; only F32 is supported</source>
        <translation>el tensor &apos;%1&apos; tiene dtype &apos;%2&apos;; solo se admite F32</translation>
    </message>
    <message>
        <source>key &apos;shape&apos; must be a list of at most 8 sizes, found %1</source>
        <translation>la clave &apos;shape&apos; debe ser una lista de 8 tamaños como máximo; se encontró %1</translation>
    </message>
    <message>
        <source>key &apos;shape&apos; has a bad dimension %1</source>
        <translation>la clave &apos;shape&apos; tiene una dimensión no válida: %1</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is larger than the file</source>
        <translation>el tensor &apos;%1&apos; es más grande que el archivo</translation>
    </message>
    <message>
        <source>key &apos;data_offsets&apos; must be [begin, end], found %1</source>
        <translation>la clave &apos;data_offsets&apos; debe ser [inicio, fin]; se encontró %1</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; data_offsets [%2, %3] fall outside the %4 data bytes (truncated file?)</source>
        <translation>los data_offsets [%2, %3] del tensor &apos;%1&apos; quedan fuera de los %4 bytes de datos (¿archivo truncado?)</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has shape %2 (%3 bytes) but its data_offsets span %4 bytes</source>
        <translation>el tensor &apos;%1&apos; tiene forma %2 (%3 bytes), pero sus data_offsets abarcan %4 bytes</translation>
    </message>
    <message>
        <source>tensors &apos;%1&apos; and &apos;%2&apos; overlap</source>
        <translation>los tensores &apos;%1&apos; y &apos;%2&apos; se solapan</translation>
    </message>
    <message>
        <source>the InputLayer must be the first layer</source>
        <translation>la InputLayer debe ser la primera capa</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; takes its input from &apos;%2&apos;, which is not an earlier layer</source>
        <translation>la capa &apos;%1&apos; toma su entrada de &apos;%2&apos;, que no es una capa anterior</translation>
    </message>
    <message>
        <source>a model starts with an InputLayer</source>
        <translation>un modelo empieza con una InputLayer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must list layer names, found %2</source>
        <translation>&apos;%1&apos; debe listar nombres de capas; se encontró %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; must be a list</source>
        <translation>&apos;%1&apos; debe ser una lista</translation>
    </message>
    <message>
        <source>a project must be a JSON object</source>
        <translation>un proyecto debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>project version %1 is newer than this ConvStudio understands (%2)</source>
        <translation>la versión %1 del proyecto es más nueva de lo que entiende este ConvStudio (%2)</translation>
    </message>
    <message>
        <source>cannot draw an image of %1 channels (only 1 or 3)</source>
        <translation>no se puede dibujar una imagen de %1 canales (solo 1 o 3)</translation>
    </message>
    <message>
        <source>no images to draw</source>
        <translation>no hay imágenes que dibujar</translation>
    </message>
    <message>
        <source>%1: give the file an extension (.png, .jpg ...) to choose its format</source>
        <translation>%1: da al archivo una extensión (.png, .jpg …) para elegir su formato</translation>
    </message>
    <message>
        <source>%1: cannot write images of type &apos;%2&apos; (use .png, .jpg, .bmp or .tif)</source>
        <translation>%1: no se pueden escribir imágenes de tipo &apos;%2&apos; (usa .png, .jpg, .bmp o .tif)</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; keeps its data in an external file: export with the weights inside the .onnx file</source>
        <translation>el tensor &apos;%1&apos; guarda sus datos en un archivo externo: exporta el modelo con los pesos dentro del archivo .onnx</translation>
    </message>
    <message>
        <source>dimension %1 is invalid</source>
        <translation>la dimensión %1 no es válida</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; is too large</source>
        <translation>el tensor &apos;%1&apos; es demasiado grande</translation>
    </message>
    <message>
        <source>%1 bytes of data for %2 floats</source>
        <translation>%1 bytes de datos para %2 valores float</translation>
    </message>
    <message>
        <source>%1 values for shape %2</source>
        <translation>%1 valores para la forma %2</translation>
    </message>
    <message>
        <source>wrong data size for its shape</source>
        <translation>el tamaño de los datos no corresponde a su forma</translation>
    </message>
    <message>
        <source>wrong number of values for its shape</source>
        <translation>el número de valores no corresponde a su forma</translation>
    </message>
    <message>
        <source>tensor &apos;%1&apos; has data type %2: only float32 weights (and int64/int32 shapes) are supported</source>
        <translation>el tensor &apos;%1&apos; tiene el tipo de datos %2: solo se admiten pesos float32 (y formas int64/int32)</translation>
    </message>
    <message>
        <source>the graph has %1 outputs; ConvStudio imports models with one output</source>
        <translation>el grafo tiene %1 salidas; ConvStudio importa modelos con una sola salida</translation>
    </message>
    <message>
        <source>the graph&apos;s output is a transposed image</source>
        <translation>la salida del grafo es una imagen transpuesta</translation>
    </message>
    <message>
        <source>the graph&apos;s output &apos;%1&apos; is not made by its last operator, so it cannot be the model&apos;s last layer</source>
        <translation>la salida del grafo &apos;%1&apos; no la produce su último operador, así que no puede ser la última capa del modelo</translation>
    </message>
    <message>
        <source>%1 takes the constant &apos;%2&apos; where ConvStudio needs a layer&apos;s output</source>
        <translation>el nodo %1 recibe la constante &apos;%2&apos; donde ConvStudio necesita la salida de una capa</translation>
    </message>
    <message>
        <source>%1 reads &apos;%2&apos;, which no earlier operator makes</source>
        <translation>el nodo %1 lee &apos;%2&apos;, que no produce ningún operador anterior</translation>
    </message>
    <message>
        <source>the graph&apos;s output takes the constant &apos;%1&apos; where ConvStudio needs a layer&apos;s output</source>
        <translation>la salida del grafo es la constante &apos;%1&apos;, donde ConvStudio necesita la salida de una capa</translation>
    </message>
    <message>
        <source>the graph&apos;s output reads &apos;%1&apos;, which no earlier operator makes</source>
        <translation>la salida del grafo lee &apos;%1&apos;, que no produce ningún operador anterior</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; must be a constant (an initializer)</source>
        <translation>la entrada &apos;%1&apos; debe ser una constante (un initializer)</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; is not float32</source>
        <translation>el peso &apos;%1&apos; no es float32</translation>
    </message>
    <message>
        <source>reads a Transpose that only a Flatten may follow</source>
        <translation>lee un Transpose al que solo puede seguir un Flatten</translation>
    </message>
    <message>
        <source>%1 has %2 inputs, expected %3 to %4</source>
        <translation>el nodo %1 tiene %2 entradas; se esperaban de %3 a %4</translation>
    </message>
    <message>
        <source>%1 has %2 inputs, expected %3</source>
        <translation>el nodo %1 tiene %2 entradas; se esperaban %3</translation>
    </message>
    <message>
        <source>%1 has no output</source>
        <translation>el nodo %1 no tiene salida</translation>
    </message>
    <message>
        <source>%1 needs an image (N, C, H, W), its input has shape %2 on ConvStudio&apos;s side</source>
        <translation>el nodo %1 necesita una imagen (N, C, H, W), pero su entrada tiene forma %2 en ConvStudio</translation>
    </message>
    <message>
        <source>%1 needs a flat input (N, features): put a Flatten before it</source>
        <translation>el nodo %1 necesita una entrada plana (N, características): pon un Flatten antes</translation>
    </message>
    <message>
        <source>the graph has %1 inputs besides its weights; ConvStudio imports models with one input image</source>
        <translation>el grafo tiene %1 entradas además de sus pesos; ConvStudio importa modelos con una sola imagen de entrada</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is not float32</source>
        <translation>la entrada &apos;%1&apos; no es float32</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; has shape %2: ConvStudio needs (N, C, H, W) with C, H and W fixed, or (N, features)</source>
        <translation>la entrada &apos;%1&apos; tiene forma %2: ConvStudio necesita (N, C, H, W) con C, H y W fijos, o (N, características)</translation>
    </message>
    <message>
        <source>input &apos;%1&apos; is larger than 4096</source>
        <translation>la entrada &apos;%1&apos; es mayor que 4096</translation>
    </message>
    <message>
        <source>auto_pad %1 is not supported (SAME_UPPER and VALID are)</source>
        <translation>auto_pad %1 no es compatible (SAME_UPPER y VALID sí lo son)</translation>
    </message>
    <message>
        <source>pads %1 must have 4 entries</source>
        <translation>pads %1 debe tener 4 valores</translation>
    </message>
    <message>
        <source>pads %1 on a %2x%3 input are neither none (&apos;valid&apos;) nor TensorFlow&apos;s &apos;same&apos; %4, the only paddings ConvStudio has</source>
        <translation>los pads %1 sobre una entrada de %2x%3 no son ni sin relleno (&apos;valid&apos;) ni el &apos;same&apos; de TensorFlow %4, los únicos rellenos (padding) que tiene ConvStudio</translation>
    </message>
    <message>
        <source>%1 %2 must be two numbers between 1 and 64</source>
        <translation>%1 %2 debe tener dos números entre 1 y 64</translation>
    </message>
    <message>
        <source>dilations %1 are not supported (only 1)</source>
        <translation>dilations %1 no es compatible (solo 1)</translation>
    </message>
    <message>
        <source>grouped convolution (group &gt; 1) is not supported</source>
        <translation>la convolución agrupada (group &gt; 1) no es compatible</translation>
    </message>
    <message>
        <source>weight %1 does not fit an input of %2 channels</source>
        <translation>el peso %1 no encaja con una entrada de %2 canales</translation>
    </message>
    <message>
        <source>kernel_shape differs from its weight</source>
        <translation>kernel_shape no coincide con su peso</translation>
    </message>
    <message>
        <source>storage_order 1 is not supported</source>
        <translation>storage_order 1 no es compatible</translation>
    </message>
    <message>
        <source>ceil_mode 1 adds a partial window here; only floor rounding is supported</source>
        <translation>ceil_mode 1 añade aquí una ventana parcial; solo se admite el redondeo hacia abajo</translation>
    </message>
    <message>
        <source>count_include_pad 1 averages padded zeros; ConvStudio&apos;s average pooling counts only real values (count_include_pad 0)</source>
        <translation>count_include_pad 1 promedia los ceros del relleno; la agrupación (pooling) promedio de ConvStudio solo cuenta los valores reales (count_include_pad 0)</translation>
    </message>
    <message>
        <source>%1 %2 has %3 values, expected %4</source>
        <translation>el peso %2 del nodo %1 tiene %3 valores; se esperaban %4</translation>
    </message>
    <message>
        <source>axis %1 is not supported (only 1)</source>
        <translation>el eje (axis) %1 no es compatible (solo 1)</translation>
    </message>
    <message>
        <source>a reshape to %1 is not supported; only flattening each sample, (N, %2)</source>
        <translation>un Reshape a %1 no es compatible; solo se admite aplanar cada muestra, (N, %2)</translation>
    </message>
    <message>
        <source>only the Transpose to NHWC before a Flatten is supported</source>
        <translation>solo se admite el Transpose a NHWC antes de un Flatten</translation>
    </message>
    <message>
        <source>only a Pad that adds nothing is supported</source>
        <translation>solo se admite un Pad que no añade nada</translation>
    </message>
    <message>
        <source>pads %1 are not supported; only padding inside a Conv or pooling operator is</source>
        <translation>los pads %1 no son compatibles; solo se admite el relleno (padding) dentro de un operador Conv o de agrupación (pooling)</translation>
    </message>
    <message>
        <source>weight %1 is not a matrix</source>
        <translation>el peso %1 no es una matriz</translation>
    </message>
    <message>
        <source>transA 1 is not supported</source>
        <translation>transA 1 no es compatible</translation>
    </message>
    <message>
        <source>weight %1 does not fit %2 inputs</source>
        <translation>el peso %1 no encaja con %2 entradas</translation>
    </message>
    <message>
        <source>%1 adds two constants</source>
        <translation>el nodo %1 suma dos constantes</translation>
    </message>
    <message>
        <source>adding a constant is supported only as the bias of a MatMul</source>
        <translation>sumar una constante solo se admite como bias de un MatMul</translation>
    </message>
    <message>
        <source>its inputs are laid out differently (a Flatten on one side only)</source>
        <translation>sus entradas tienen una disposición distinta (un Flatten en un solo lado)</translation>
    </message>
    <message>
        <source>concatenating flattened images is not supported</source>
        <translation>no se admite concatenar imágenes aplanadas</translation>
    </message>
    <message>
        <source>%1 needs at least 2 inputs</source>
        <translation>el nodo %1 necesita al menos 2 entradas</translation>
    </message>
    <message>
        <source>axis %1 is not supported; only channels (1)</source>
        <translation>el eje (axis) %1 no es compatible; solo los canales (1)</translation>
    </message>
    <message>
        <source>training_mode 1 is not supported</source>
        <translation>training_mode 1 no es compatible</translation>
    </message>
    <message>
        <source>the training outputs are not supported</source>
        <translation>las salidas de entrenamiento no son compatibles</translation>
    </message>
    <message>
        <source>ratio must be one number</source>
        <translation>ratio debe ser un único número</translation>
    </message>
    <message>
        <source>training_mode must be off</source>
        <translation>training_mode debe estar desactivado</translation>
    </message>
    <message>
        <source>softmax over axis %1 (opset %2) is not supported; only over the channels</source>
        <translation>softmax sobre el eje %1 (opset %2) no es compatible; solo sobre los canales</translation>
    </message>
    <message>
        <source>only a tensor &apos;value&apos; is supported</source>
        <translation>solo se admite un tensor &apos;value&apos;</translation>
    </message>
    <message>
        <source>operator not supported</source>
        <translation>operador no compatible</translation>
    </message>
    <message>
        <source>declares no opset of the standard ONNX domain</source>
        <translation>no declara ningún opset del dominio estándar de ONNX</translation>
    </message>
    <message>
        <source>the file is empty, not an ONNX model</source>
        <translation>el archivo está vacío; no es un modelo ONNX</translation>
    </message>
    <message>
        <source>%1 is over the 2 GB an ONNX file can hold</source>
        <translation>%1 supera los 2 GB que puede contener un archivo ONNX</translation>
    </message>
    <message>
        <source>the ONNX file needs %1 to read its %3, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): it is larger than a CNN ConvStudio can run</source>
        <translation>el archivo ONNX necesita %1 para leer sus %3, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): es más grande que una CNN que ConvStudio pueda ejecutar</translation>
    </message>
    <message>
        <source>not an ONNX model, or a truncated one: its %1 bytes are not a valid ONNX ModelProto message</source>
        <translation>no es un modelo ONNX, o está truncado: sus %1 bytes no son un mensaje ModelProto de ONNX válido</translation>
    </message>
    <message>
        <source>not an ONNX model: it has no ir_version or no graph</source>
        <translation>no es un modelo ONNX: no tiene ir_version o no tiene grafo</translation>
    </message>
    <message>
        <source>opset %1 is not supported (7 to 18 are)</source>
        <translation>el opset %1 no es compatible (sí lo son del 7 al 18)</translation>
    </message>
    <message>
        <source>the graph has no operators</source>
        <translation>el grafo no tiene operadores</translation>
    </message>
    <message>
        <source>uses operators ConvStudio cannot import: %1 (it imports CNNs made of: %2)</source>
        <translation>usa operadores que ConvStudio no puede importar: %1 (importa CNN formadas por: %2)</translation>
    </message>
    <message>
        <source>the graph does not make a valid ConvStudio model</source>
        <translation>el grafo no forma un modelo válido de ConvStudio</translation>
    </message>
    <message>
        <source>no weight for &apos;%1&apos;</source>
        <translation>no hay peso para &apos;%1&apos;</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; has shape %2, the layer needs %3</source>
        <translation>el peso &apos;%1&apos; tiene forma %2, pero la capa necesita %3</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; holds NaN or an infinity: the model is broken</source>
        <translation>el peso &apos;%1&apos; contiene NaN o un infinito: el modelo está dañado</translation>
    </message>
    <message>
        <source>holds weights that no layer uses</source>
        <translation>contiene pesos que ninguna capa usa</translation>
    </message>
    <message>
        <source>metadata_props &apos;class_names&apos; has %1 names for a model with %2 outputs</source>
        <translation>metadata_props &apos;class_names&apos; tiene %1 nombres para un modelo con %2 salidas</translation>
    </message>
    <message>
        <source>the PyTorch export has no code for layer type &apos;%1&apos;</source>
        <translation>la exportación a PyTorch no tiene código para el tipo de capa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the PyTorch script has no callback &apos;%1&apos; (it has EarlyStopping, ReduceLROnPlateau and ModelCheckpoint)</source>
        <translation>el script de PyTorch no tiene el callback &apos;%1&apos; (tiene EarlyStopping, ReduceLROnPlateau y ModelCheckpoint)</translation>
    </message>
    <message>
        <source>the PyTorch script template lacks %1</source>
        <translation>a la plantilla del script de PyTorch le falta %1</translation>
    </message>
    <message>
        <source>%1: %2: %3</source>
        <translation>%1: %2: %3</translation>
    </message>
    <message>
        <source>cannot write</source>
        <translation>no se puede escribir</translation>
    </message>
    <message>
        <source>cannot set permissions</source>
        <translation>no se pueden fijar los permisos</translation>
    </message>
    <message>
        <source>cannot flush to disk</source>
        <translation>no se puede volcar al disco</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1: no es un archivo normal</translation>
    </message>
    <message>
        <source>%1: file is %2 bytes, more than the %3 allowed</source>
        <translation>%1: el archivo tiene %2 bytes, más de los %3 permitidos</translation>
    </message>
    <message>
        <source>%1: read failed</source>
        <translation>%1: falló la lectura</translation>
    </message>
    <message>
        <source>%1: too many levels of symbolic links</source>
        <translation>%1: demasiados niveles de enlaces simbólicos</translation>
    </message>
    <message>
        <source>%1: cannot read the link %2: %3</source>
        <translation>%1: no se puede leer el enlace %2: %3</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>una carpeta</translation>
    </message>
    <message>
        <source>a fifo</source>
        <translation>una fifo</translation>
    </message>
    <message>
        <source>a character device</source>
        <translation>un dispositivo de caracteres</translation>
    </message>
    <message>
        <source>a block device</source>
        <translation>un dispositivo de bloques</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>un socket</translation>
    </message>
    <message>
        <source>something other than a file</source>
        <translation>algo que no es un archivo</translation>
    </message>
    <message>
        <source>an empty file name was given for an output</source>
        <translation>se dio un nombre de archivo vacío para una salida</translation>
    </message>
    <message>
        <source>%1: names a folder, not a file</source>
        <translation>%1: nombra una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>%1: cannot save here: it is %2, not a regular file</source>
        <translation>%1: no se puede guardar aquí: es %2, no un archivo normal</translation>
    </message>
    <message>
        <source>%1: cannot save here: it links to %3, %2, not a regular file</source>
        <translation>%1: no se puede guardar aquí: enlaza con %3, que es %2, no un archivo normal</translation>
    </message>
    <message>
        <source>%1: cannot write there: the folder %2 does not exist</source>
        <translation>%1: no se puede escribir ahí: la carpeta %2 no existe</translation>
    </message>
    <message>
        <source>%1: cannot write there: the folder %2: %3</source>
        <translation>%1: no se puede escribir ahí: la carpeta %2: %3</translation>
    </message>
    <message>
        <source>%1: cannot write there: %2 is not a folder</source>
        <translation>%1: no se puede escribir ahí: %2 no es una carpeta</translation>
    </message>
    <message>
        <source>%1: cannot write in %2: %3</source>
        <translation>%1: no se puede escribir en %2: %3</translation>
    </message>
    <message>
        <source>%1: is a folder, not a file</source>
        <translation>%1: es una carpeta, no un archivo</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: no se puede escribir: %2</translation>
    </message>
    <message>
        <source>the tensor data needs %1 (%3 tensors), over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>los datos de los tensores necesitan %1 (%3 tensores), por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>%1: cannot create a file in %2: %3</source>
        <translation>%1: no se puede crear un archivo en %2: %3</translation>
    </message>
    <message>
        <source>%1: cannot keep a temporary file in %2: another program keeps removing it</source>
        <translation>%1: no se puede mantener un archivo temporal en %2: otro programa lo sigue borrando</translation>
    </message>
    <message>
        <source>%1: cannot replace: %2</source>
        <translation>%1: no se puede reemplazar: %2</translation>
    </message>
</context>
<context>
    <name>cs::ImageFolders</name>
    <message>
        <source>one folder of classes, validation_split %1 with seed %2</source>
        <translation>una carpeta de clases, validation_split %1 con semilla %2</translation>
    </message>
    <message>
        <source>one folder of classes</source>
        <translation>una carpeta de clases</translation>
    </message>
    <message>
        <source>%1/ + %2/ + %3/ folders</source>
        <translation>carpetas %1/ + %2/ + %3/</translation>
    </message>
    <message>
        <source>%1/ + %2/ folders</source>
        <translation>carpetas %1/ + %2/</translation>
    </message>
    <message>
        <source>%1/ + %2/ folders, validation_split %3 with seed %4</source>
        <translation>carpetas %1/ + %2/, validation_split %3 con semilla %4</translation>
    </message>
    <message>
        <source>%1/ folders, validation_split %2 with seed %3</source>
        <translation>carpeta %1/, validation_split %2 con semilla %3</translation>
    </message>
    <message>
        <source>%1/ folders</source>
        <translation>carpeta %1/</translation>
    </message>
</context>
<context>
    <name>cs::Inspect</name>
    <message>
        <source>feature maps</source>
        <translation>los mapas de características</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has %2 maps, not map %3</source>
        <translation>&apos;%1&apos; tiene %2 mapas, no existe el mapa %3</translation>
    </message>
    <message>
        <source>Grad-CAM needs a layer with a spatial output (Conv2D, pooling): this model has none</source>
        <translation>Grad-CAM necesita una capa con salida espacial (Conv2D, agrupación): este modelo no tiene ninguna</translation>
    </message>
    <message>
        <source>Grad-CAM needs a hidden layer with a spatial output; &apos;%1&apos; has none</source>
        <translation>Grad-CAM necesita una capa oculta con salida espacial; &apos;%1&apos; no la tiene</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>el mapa Grad-CAM</translation>
    </message>
    <message>
        <source>class %1 is out of range: the model has %2 classes</source>
        <translation>la clase %1 está fuera de rango: el modelo tiene %2 clases</translation>
    </message>
    <message>
        <source>a heat map needs a size of at least 1x1</source>
        <translation>un mapa de calor necesita un tamaño de al menos 1x1</translation>
    </message>
    <message>
        <source>the heat map goes over an 8-bit image</source>
        <translation>el mapa de calor va sobre una imagen de 8 bits</translation>
    </message>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: no existe esa carpeta</translation>
    </message>
    <message>
        <source>this model does not take images (input %1)</source>
        <translation>este modelo no toma imágenes (entrada %1)</translation>
    </message>
    <message>
        <source>no layer number %1</source>
        <translation>no hay capa número %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is a %2, not a Conv2D layer: it has no kernels</source>
        <translation>&apos;%1&apos; es una %2, no una capa Conv2D: no tiene kernels</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no weights yet: build or train the model first</source>
        <translation>&apos;%1&apos; aún no tiene pesos: construye o entrena antes el modelo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; reads %2 channels: only a 3-channel layer&apos;s filters are colour images</source>
        <translation>&apos;%1&apos; lee %2 canales: solo los filtros de una capa de 3 canales son imágenes en color</translation>
    </message>
    <message>
        <source>%1 needs one image of shape %2, got %3</source>
        <translation>%1 necesita una imagen de forma %2; se recibió %3</translation>
    </message>
    <message>
        <source>only grey (1) and RGB (3) images can be shown to a model</source>
        <translation>solo se pueden mostrar a un modelo imágenes en gris (1) y RGB (3)</translation>
    </message>
    <message>
        <source>the model takes %1x%2x%3 images; these are %4x%5x%6</source>
        <translation>el modelo toma imágenes de %1x%2x%3; estas son de %4x%5x%6</translation>
    </message>
    <message>
        <source>no image number %1 (the set has %2)</source>
        <translation>no hay imagen número %1 (el conjunto tiene %2)</translation>
    </message>
</context>
<context>
    <name>cs::Keras</name>
    <message>
        <source>not an HDF5 file (no HDF5 signature): a Keras .h5 model is an HDF5 file</source>
        <translation>no es un archivo HDF5 (no tiene la firma HDF5): un modelo .h5 de Keras es un archivo HDF5</translation>
    </message>
    <message>
        <source>cannot be read as HDF5: the file is truncated or damaged (the HDF5 library ran without end on it)</source>
        <translation>no se puede leer como HDF5: el archivo está truncado o dañado (la biblioteca HDF5 no terminaba de leerlo)</translation>
    </message>
    <message>
        <source>cannot be read as HDF5: the file is truncated or damaged (the HDF5 library crashed on it (signal %1))</source>
        <translation>no se puede leer como HDF5: el archivo está truncado o dañado (la biblioteca HDF5 falló al leerlo (señal %1))</translation>
    </message>
    <message>
        <source>cannot be read as HDF5: the file is truncated or damaged (the HDF5 reader failed)</source>
        <translation>no se puede leer como HDF5: el archivo está truncado o dañado (falló el lector de HDF5)</translation>
    </message>
    <message>
        <source>cannot be read as HDF5: the file is truncated or damaged (the reader&apos;s answer was cut short)</source>
        <translation>no se puede leer como HDF5: el archivo está truncado o dañado (la respuesta del lector llegó cortada)</translation>
    </message>
    <message>
        <source>the Keras model&apos;s config has no &apos;%1&apos; list</source>
        <translation>la configuración del modelo de Keras no tiene una lista &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not a Keras model document (expected &quot;%1&quot; and a &quot;%2&quot; with &quot;%3&quot;)</source>
        <translation>no es un documento de modelo de Keras (se esperaba &quot;%1&quot; y un &quot;%2&quot; con &quot;%3&quot;)</translation>
    </message>
    <message>
        <source>a Keras &apos;%1&apos; is not supported (ConvStudio reads Sequential and Functional models)</source>
        <translation>un &apos;%1&apos; de Keras no es compatible (ConvStudio lee modelos Sequential y Functional)</translation>
    </message>
    <message>
        <source>the Keras model has no layers</source>
        <translation>el modelo de Keras no tiene capas</translation>
    </message>
    <message>
        <source>layer %1 of the Keras model has no &apos;%2&apos;</source>
        <translation>la capa %1 del modelo de Keras no tiene &apos;%2&apos;</translation>
    </message>
    <message>
        <source>model_weights has no weights for layer &apos;%1&apos;</source>
        <translation>model_weights no tiene pesos para la capa &apos;%1&apos;</translation>
    </message>
    <message>
        <source>%1 has no &apos;%2&apos; weight (it has %3)</source>
        <translation>%1 no tiene el peso &apos;%2&apos; (tiene %3)</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; holds NaN at index %2: the model is broken</source>
        <translation>el peso &apos;%1&apos; contiene NaN en el índice %2: el modelo está dañado</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; holds an infinity at index %2: the model is broken</source>
        <translation>el peso &apos;%1&apos; contiene un infinito en el índice %2: el modelo está dañado</translation>
    </message>
    <message>
        <source>weight &apos;%1&apos; has no place in ConvStudio&apos;s %2</source>
        <translation>el peso &apos;%1&apos; no tiene sitio en la capa %2 de ConvStudio</translation>
    </message>
    <message>
        <source>model_weights holds weights of &apos;%1&apos;, which is not a layer of the model_config</source>
        <translation>model_weights contiene pesos de &apos;%1&apos;, que no es una capa de model_config</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos;</source>
        <translation>atributo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>este archivo</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 cannot be opened: the file is truncated or damaged%3</source>
        <translation>el atributo &apos;%1&apos; de %2 no se puede abrir: el archivo está truncado o dañado%3</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 cannot be read: the file is truncated or damaged%3</source>
        <translation>el atributo &apos;%1&apos; de %2 no se puede leer: el archivo está truncado o dañado%3</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 is not text</source>
        <translation>el atributo &apos;%1&apos; de %2 no es texto</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 lists %3 entries</source>
        <translation>el atributo &apos;%1&apos; de %2 enumera %3 entradas</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; of %2 is too large to be a Keras attribute</source>
        <translation>el atributo &apos;%1&apos; de %2 es demasiado grande para ser un atributo de Keras</translation>
    </message>
    <message>
        <source>attribute &apos;%1&apos; must be one text, found %2</source>
        <translation>el atributo &apos;%1&apos; debe ser un solo texto; se encontraron %2</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; is missing (it is listed in weight_names)</source>
        <translation>falta el dataset &apos;%1&apos; (figura en weight_names)</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; cannot be opened: the file is truncated or damaged%2</source>
        <translation>el dataset &apos;%1&apos; no se puede abrir: el archivo está truncado o dañado%2</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; cannot be read: the file is truncated or damaged%2</source>
        <translation>el dataset &apos;%1&apos; no se puede leer: el archivo está truncado o dañado%2</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; does not hold floating-point numbers</source>
        <translation>el dataset &apos;%1&apos; no contiene números de coma flotante</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; has an unusable rank %2</source>
        <translation>el dataset &apos;%1&apos; tiene un rango inservible: %2</translation>
    </message>
    <message>
        <source>dataset &apos;%1&apos; has a dimension of %2</source>
        <translation>el dataset &apos;%1&apos; tiene una dimensión de %2</translation>
    </message>
    <message>
        <source>cannot be opened as HDF5: the file is truncated or damaged%1</source>
        <translation>no se puede abrir como HDF5: el archivo está truncado o dañado%1</translation>
    </message>
    <message>
        <source>no &apos;model_config&apos; attribute: not a whole Keras model (a file of model.save_weights() holds no architecture; save with model.save(&quot;x.h5&quot;))</source>
        <translation>no hay atributo &apos;model_config&apos;: no es un modelo de Keras completo (un archivo de model.save_weights() no guarda la arquitectura; guárdalo con model.save(&quot;x.h5&quot;))</translation>
    </message>
    <message>
        <source>no &apos;model_weights&apos; group: the file holds no weights</source>
        <translation>no hay grupo &apos;model_weights&apos;: el archivo no contiene pesos</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; cannot be opened: the file is truncated or damaged%2</source>
        <translation>el grupo &apos;%1&apos; no se puede abrir: el archivo está truncado o dañado%2</translation>
    </message>
    <message>
        <source>group &apos;%1&apos; is missing (the layer is listed in layer_names)</source>
        <translation>falta el grupo &apos;%1&apos; (la capa figura en layer_names)</translation>
    </message>
    <message>
        <source>cannot read: no pipe for the HDF5 reader: %1</source>
        <translation>no se puede leer: no hay tubería para el lector de HDF5: %1</translation>
    </message>
    <message>
        <source>cannot read: no process for the HDF5 reader: %1</source>
        <translation>no se puede leer: no hay proceso para el lector de HDF5: %1</translation>
    </message>
    <message>
        <source>weight &apos;%3&apos; needs %1, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT)</source>
        <translation>el peso &apos;%3&apos; necesita %1, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT)</translation>
    </message>
    <message>
        <source>layer &apos;%1&apos; (%2)</source>
        <translation>capa &apos;%1&apos; (%2)</translation>
    </message>
    <message>
        <source>unreadable inbound node %1</source>
        <translation>nodo de entrada ilegible %1</translation>
    </message>
    <message>
        <source>takes the output of another call of &apos;%1&apos; (shared layers are not supported)</source>
        <translation>toma la salida de otra llamada a &apos;%1&apos; (no se admiten capas compartidas)</translation>
    </message>
    <message>
        <source>is called %1 times (shared layers are not supported)</source>
        <translation>se llama %1 veces (no se admiten capas compartidas)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; = %2 (%3) is not supported</source>
        <translation>&apos;%1&apos; = %2 (%3) no se admite</translation>
    </message>
    <message>
        <source>batch statistics across devices</source>
        <translation>estadísticas del lote entre dispositivos</translation>
    </message>
    <message>
        <source>keeping the pooled axes</source>
        <translation>conservar los ejes agrupados</translation>
    </message>
    <message>
        <source>a LoRA adapter</source>
        <translation>un adaptador LoRA</translation>
    </message>
    <message>
        <source>a capped ReLU</source>
        <translation>una ReLU con tope</translation>
    </message>
    <message>
        <source>a leaky ReLU</source>
        <translation>una ReLU con fuga (leaky)</translation>
    </message>
    <message>
        <source>a shifted ReLU</source>
        <translation>una ReLU desplazada</translation>
    </message>
    <message>
        <source>softmax over another axis than the last</source>
        <translation>softmax sobre un eje distinto del último</translation>
    </message>
    <message>
        <source>input shape %1 has a free size (None): ConvStudio needs a fixed image size; give Input(shape=(h, w, c))</source>
        <translation>la forma de entrada %1 tiene un tamaño libre (None): ConvStudio necesita un tamaño de imagen fijo; indica Input(shape=(h, w, c))</translation>
    </message>
    <message>
        <source>takes its input from &apos;%1&apos;, which is not a layer of the model or comes after it</source>
        <translation>toma su entrada de &apos;%1&apos;, que no es una capa del modelo o va después</translation>
    </message>
    <message>
        <source>the layers do not form one graph ending in &apos;%1&apos;</source>
        <translation>las capas no forman un solo grafo que termine en &apos;%1&apos;</translation>
    </message>
    <message>
        <source>not supported by ConvStudio</source>
        <translation>no admitido por ConvStudio</translation>
    </message>
    <message>
        <source>a model inside the model (such as a pretrained base) is not supported; flatten it into one model</source>
        <translation>no se admite un modelo dentro del modelo (como una base preentrenada); aplánalo en un solo modelo</translation>
    </message>
    <message>
        <source>not a layer type ConvStudio has</source>
        <translation>no es un tipo de capa que ConvStudio tenga</translation>
    </message>
    <message>
        <source>the Sequential model has no input shape (it was never built): give its first layer input_shape=(h, w, c), or start with an InputLayer</source>
        <translation>el modelo Sequential no tiene forma de entrada (nunca se construyó): da a su primera capa input_shape=(h, w, c) o empieza con una InputLayer</translation>
    </message>
    <message>
        <source>the model has %1 inputs (ConvStudio&apos;s models have one)</source>
        <translation>el modelo tiene %1 entradas (los modelos de ConvStudio tienen una)</translation>
    </message>
    <message>
        <source>the model has %1 outputs (ConvStudio&apos;s models have one)</source>
        <translation>el modelo tiene %1 salidas (los modelos de ConvStudio tienen una)</translation>
    </message>
</context>
<context>
    <name>cs::KernelPreset</name>
    <message>
        <source>cross-correlation: the kernel is laid on the input as it is (what a CNN&apos;s Conv2D computes)</source>
        <translation>correlación cruzada: el kernel se coloca sobre la entrada tal cual (lo que calcula la Conv2D de una CNN)</translation>
    </message>
    <message>
        <source>convolution: the kernel is turned 180 degrees first (scipy.signal.convolve2d, the lesson&apos;s Python)</source>
        <translation>convolución: primero se gira el kernel 180 grados (scipy.signal.convolve2d, el Python de la lección)</translation>
    </message>
    <message>
        <source>vertical edges (the course&apos;s example)</source>
        <translation>bordes verticales (el ejemplo del curso)</translation>
    </message>
    <message>
        <source>horizontal edges</source>
        <translation>bordes horizontales</translation>
    </message>
    <message>
        <source>Sobel, horizontal gradient (vertical edges)</source>
        <translation>Sobel, gradiente horizontal (bordes verticales)</translation>
    </message>
    <message>
        <source>Sobel, vertical gradient (horizontal edges)</source>
        <translation>Sobel, gradiente vertical (bordes horizontales)</translation>
    </message>
    <message>
        <source>sharpen</source>
        <translation>enfocar</translation>
    </message>
    <message>
        <source>box blur (mean of 3x3)</source>
        <translation>desenfoque de caja (media de 3x3)</translation>
    </message>
    <message>
        <source>Gaussian blur 3x3</source>
        <translation>desenfoque gaussiano 3x3</translation>
    </message>
    <message>
        <source>Gaussian blur 5x5</source>
        <translation>desenfoque gaussiano 5x5</translation>
    </message>
    <message>
        <source>emboss</source>
        <translation>relieve</translation>
    </message>
    <message>
        <source>outline (Laplacian-like)</source>
        <translation>contorno (tipo laplaciano)</translation>
    </message>
    <message>
        <source>identity (output = input)</source>
        <translation>identidad (salida = entrada)</translation>
    </message>
</context>
<context>
    <name>cs::Layer</name>
    <message>
        <source>needs at least two inputs: connect another layer to it</source>
        <translation>necesita al menos dos entradas: conéctale otra capa</translation>
    </message>
    <message>
        <source>inputs must have the same shape, got %1 and %2</source>
        <translation>las entradas deben tener la misma forma, pero son %1 y %2</translation>
    </message>
    <message>
        <source>needs an input</source>
        <translation>necesita una entrada</translation>
    </message>
    <message>
        <source>inputs must match in all but the last axis, got %1 and %2</source>
        <translation>las entradas deben coincidir en todos los ejes salvo el último, pero son %1 y %2</translation>
    </message>
    <message>
        <source>needs an image input (height, width, channels), got %1: remove the Flatten or Dense before it</source>
        <translation>necesita una imagen de entrada (alto, ancho, canales), pero recibe %1: quita la Flatten o Dense que tiene delante</translation>
    </message>
    <message>
        <source>needs an image input (height, width, channels), got %1</source>
        <translation>necesita una imagen de entrada (alto, ancho, canales), pero recibe %1</translation>
    </message>
    <message>
        <source>the %1x%2 kernel is larger than its %3x%4 input: use padding &apos;same&apos;, a smaller kernel, or less pooling before it</source>
        <translation>el kernel de %1x%2 es mayor que su entrada de %3x%4: usa padding &apos;same&apos;, un kernel más pequeño o menos pooling antes</translation>
    </message>
    <message>
        <source>Dense needs a flat input, got %1: insert a Flatten (or GlobalAveragePooling2D) before it</source>
        <translation>Dense necesita una entrada plana, pero recibe %1: inserta una Flatten (o GlobalAveragePooling2D) delante</translation>
    </message>
    <message>
        <source>its input %1 has %2 values, more than one layer can hold (2^31 - 1): shrink it first (pooling, strides)</source>
        <translation>su entrada %1 tiene %2 valores, más de los que caben en una capa (2^31 - 1): redúcela antes (pooling, strides)</translation>
    </message>
    <message>
        <source>shape must be (height, width, channels) or (features,), got %1</source>
        <translation>la forma debe ser (alto, ancho, canales) o (características,), pero es %1</translation>
    </message>
    <message>
        <source>needs an image input (height, width, channels), got %1: pooling must come before Flatten</source>
        <translation>necesita una imagen de entrada (alto, ancho, canales), pero recibe %1: el pooling debe ir antes de Flatten</translation>
    </message>
    <message>
        <source>the %1x%2 window is larger than its %3x%4 input: use padding &apos;same&apos; or a smaller pool_size</source>
        <translation>la ventana de %1x%2 es mayor que su entrada de %3x%4: usa padding &apos;same&apos; o un pool_size más pequeño</translation>
    </message>
</context>
<context>
    <name>cs::LayerSpec</name>
    <message>
        <source>Applies a function to every value: relu, sigmoid, tanh, softmax or linear.</source>
        <translation>Aplica una función a cada valor: relu, sigmoid, tanh, softmax o linear.</translation>
    </message>
    <message>
        <source>The function</source>
        <translation>La función</translation>
    </message>
    <message>
        <source>Adds two or more inputs of the same shape (a skip connection).</source>
        <translation>Suma dos o más entradas de la misma forma (una conexión residual).</translation>
    </message>
    <message>
        <source>Averages each window: smaller, smoother maps.</source>
        <translation>Promedia cada ventana: mapas más pequeños y más suaves.</translation>
    </message>
    <message>
        <source>Normalises each channel to zero mean and unit variance over the batch, then scales (gamma) and shifts (beta); steadies and speeds up training.</source>
        <translation>Normaliza cada canal a media cero y varianza uno sobre el lote, luego lo escala (gamma) y lo desplaza (beta); estabiliza y acelera el entrenamiento.</translation>
    </message>
    <message>
        <source>How slowly the moving mean/variance follow the batches</source>
        <translation>Con qué lentitud siguen a los lotes la media y la varianza móviles</translation>
    </message>
    <message>
        <source>Added to the variance to avoid /0</source>
        <translation>Se suma a la varianza para no dividir entre 0</translation>
    </message>
    <message>
        <source>Stacks two or more inputs along the channel axis.</source>
        <translation>Apila dos o más entradas a lo largo del eje de canales.</translation>
    </message>
    <message>
        <source>Slides learned kernels over the image; each filter gives one feature map.</source>
        <translation>Desliza kernels aprendidos sobre la imagen; cada filtro da un mapa de características.</translation>
    </message>
    <message>
        <source>Number of kernels, i.e. output channels</source>
        <translation>Número de kernels, es decir, de canales de salida</translation>
    </message>
    <message>
        <source>Height and width of each kernel</source>
        <translation>Alto y ancho de cada kernel</translation>
    </message>
    <message>
        <source>Step of the kernel between positions</source>
        <translation>Paso (stride) del kernel entre una posición y la siguiente</translation>
    </message>
    <message>
        <source>valid: no border, output shrinks; same: zero border, output = ceil(input / stride)</source>
        <translation>valid: sin borde, la salida se reduce; same: borde de ceros, salida = ceil(entrada / stride)</translation>
    </message>
    <message>
        <source>Function applied to every output value</source>
        <translation>Función que se aplica a cada valor de salida</translation>
    </message>
    <message>
        <source>Add a learned bias per filter</source>
        <translation>Añade un sesgo aprendido por filtro</translation>
    </message>
    <message>
        <source>L2 factor: adds factor * sum(kernel^2) to the loss (0 = none)</source>
        <translation>Factor L2: suma factor * sum(kernel^2) a la pérdida (0 = ninguno)</translation>
    </message>
    <message>
        <source>Fully connected: every output unit sees every input value.</source>
        <translation>Totalmente conectada: cada unidad de salida ve todos los valores de entrada.</translation>
    </message>
    <message>
        <source>Number of output units</source>
        <translation>Número de unidades de salida</translation>
    </message>
    <message>
        <source>Add a learned bias per unit</source>
        <translation>Añade un sesgo aprendido por unidad</translation>
    </message>
    <message>
        <source>While training, zeroes a random fraction of values so the network cannot rely on any single one; does nothing at inference.</source>
        <translation>Durante el entrenamiento pone a cero una fracción aleatoria de valores para que la red no dependa de ninguno en concreto; en la inferencia no hace nada.</translation>
    </message>
    <message>
        <source>Fraction of values dropped during training</source>
        <translation>Fracción de valores que se descartan al entrenar</translation>
    </message>
    <message>
        <source>Unrolls feature maps into one vector (height, width, channel order) for Dense.</source>
        <translation>Aplana los mapas de características en un vector (orden alto, ancho, canal) para Dense.</translation>
    </message>
    <message>
        <source>Averages each whole feature map to one number: (H, W, C) becomes (C).</source>
        <translation>Promedia cada mapa de características entero en un número: (H, W, C) pasa a (C).</translation>
    </message>
    <message>
        <source>The image that enters the network: height, width and channels.</source>
        <translation>La imagen que entra en la red: alto, ancho y canales.</translation>
    </message>
    <message>
        <source>Height, width, channels (1 = grey, 3 = RGB)</source>
        <translation>Alto, ancho, canales (1 = gris, 3 = RGB)</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window: smaller maps, strongest responses.</source>
        <translation>Se queda con el mayor valor de cada ventana: mapas más pequeños, respuestas más fuertes.</translation>
    </message>
    <message>
        <source>Height and width of the pooling window</source>
        <translation>Alto y ancho de la ventana de pooling</translation>
    </message>
    <message>
        <source>Step between windows (None = pool_size)</source>
        <translation>Paso entre ventanas (None = pool_size)</translation>
    </message>
    <message>
        <source>valid: drop incomplete windows; same: output = ceil(input / stride)</source>
        <translation>valid: descarta las ventanas incompletas; same: salida = ceil(entrada / stride)</translation>
    </message>
    <message>
        <source>Unticked: the layer&apos;s weights stay fixed while training (a frozen layer)</source>
        <translation>Sin marcar: los pesos de la capa no cambian al entrenar (una capa congelada)</translation>
    </message>
    <message>
        <source>momentum %1</source>
        <translation>momento %1</translation>
    </message>
    <message>
        <source>%1 filters</source>
        <translation>%1 filtros</translation>
    </message>
    <message>
        <source>stride %1</source>
        <translation>paso %1</translation>
    </message>
    <message>
        <source>%1 units</source>
        <translation>%1 unidades</translation>
    </message>
    <message>
        <source>rate %1</source>
        <translation>tasa %1</translation>
    </message>
</context>
<context>
    <name>cs::Model</name>
    <message>
        <source>Set the input to %1</source>
        <translation>Poner la entrada a %1</translation>
    </message>
    <message>
        <source>The output has %1 units but the data set has %2 classes</source>
        <translation>La salida tiene %1 unidades pero el conjunto de datos tiene %2 clases</translation>
    </message>
    <message>
        <source>Set units to %1</source>
        <translation>Poner units a %1</translation>
    </message>
    <message>
        <source>has no input: connect a layer to it or remove it</source>
        <translation>no tiene entrada: conéctale una capa o quítala</translation>
    </message>
    <message>
        <source>leads nowhere: connect its output to a later layer or remove it</source>
        <translation>no lleva a ninguna parte: conecta su salida a una capa posterior o quítala</translation>
    </message>
    <message>
        <source>Insert a %1 before %2</source>
        <translation>Insertar una %1 antes de %2</translation>
    </message>
    <message>
        <source>Remove %1 before %2</source>
        <translation>Quitar %1 antes de %2</translation>
    </message>
    <message>
        <source>Use padding &apos;same&apos; in %1</source>
        <translation>Usar padding &apos;same&apos; en %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>The images are loaded at %1 but the input takes %2: load them at the input&apos;s size or change the input</source>
        <translation>Las imágenes se cargan a %1 pero la entrada recibe %2: cárgalas al tamaño de la entrada o cambia la entrada</translation>
    </message>
    <message>
        <source>The data set&apos;s images are %1 as stored (this kind of data set cannot be resized while loading) but the input takes %2: set the input shape to match</source>
        <translation>Las imágenes del conjunto de datos son de %1 tal como están guardadas (este tipo de conjunto de datos no se puede redimensionar al cargarlo) pero la entrada recibe %2: ajusta la forma de la entrada</translation>
    </message>
    <message>
        <source>The output is one unit (a 0/1 label per image, as class_mode binary gives) but class_mode is %1: read the labels as binary or use 2 softmax units</source>
        <translation>La salida es una sola unidad (una etiqueta 0/1 por imagen, como da class_mode binary) pero class_mode es %1: lee las etiquetas como binary o usa 2 unidades softmax</translation>
    </message>
    <message>
        <source>class_mode is binary (a 0/1 label per image, for one sigmoid unit) but the output has %1 units, one per class: read the labels as categorical or use one sigmoid unit</source>
        <translation>class_mode es binary (una etiqueta 0/1 por imagen, para una unidad sigmoid) pero la salida tiene %1 unidades, una por clase: lee las etiquetas como categorical o usa una unidad sigmoid</translation>
    </message>
    <message>
        <source>The output has %1 unit but the data set has %2 classes</source>
        <translation>La salida tiene %1 unidad pero el conjunto de datos tiene %2 clases</translation>
    </message>
    <message>
        <source>Load the images at %1 RGB</source>
        <translation>Cargar las imágenes a %1 en RGB</translation>
    </message>
    <message>
        <source>Load the images at %1 grayscale</source>
        <translation>Cargar las imágenes a %1 en escala de grises</translation>
    </message>
    <message>
        <source>Read the labels as %1 (class_mode %1)</source>
        <translation>Leer las etiquetas como %1 (class_mode %1)</translation>
    </message>
    <message>
        <source>Use one %1 unit in %2</source>
        <translation>Usar una unidad %1 en %2</translation>
    </message>
    <message>
        <source>Use %1 %2 units in %3</source>
        <translation>Usar %1 unidades %2 en %3</translation>
    </message>
    <message>
        <source>unknown layer type &apos;%1&apos; (known: %2)</source>
        <translation>tipo de capa desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be a number, got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser un número; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be a whole number, got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser un número entero; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be between %3 and %4, got %5</source>
        <translation>el atributo &apos;%2&apos; de %1 debe estar entre %3 y %4; se recibió %5</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos;: only L2 regularisation is supported, got %3</source>
        <translation>atributo &apos;%2&apos; de %1: solo se admite la regularización L2; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be true or false, got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser true o false; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be a string, got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser un texto; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be one of %3, got &apos;%4&apos;</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser uno de %3; se recibió &apos;%4&apos;</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be a number or a pair [h, w], got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser un número o un par [alto, ancho]; se recibió %3</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; must be a list of sizes, got %3</source>
        <translation>el atributo &apos;%2&apos; de %1 debe ser una lista de tamaños; se recibió %3</translation>
    </message>
    <message>
        <source>config must be a JSON object</source>
        <translation>config debe ser un objeto JSON</translation>
    </message>
    <message>
        <source>%1 attribute &apos;%2&apos; = %3 is not supported (ConvStudio builds only Keras&apos;s default for it)</source>
        <translation>el atributo &apos;%2&apos; = %3 de %1 no se admite (ConvStudio solo construye el valor por defecto de Keras)</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos; (it has none)</source>
        <translation>atributo desconocido &apos;%1&apos; (no tiene ninguno)</translation>
    </message>
    <message>
        <source>unknown attribute &apos;%1&apos; (known: %2)</source>
        <translation>atributo desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <source>unknown padding &apos;%1&apos; (use valid or same)</source>
        <translation>relleno (padding) desconocido &apos;%1&apos; (usa valid o same)</translation>
    </message>
    <message>
        <source>two layers are named &apos;%1&apos;: names must be unique</source>
        <translation>dos capas se llaman &apos;%1&apos;: los nombres deben ser únicos</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: the InputLayer must be the first layer</source>
        <translation>&apos;%1&apos;: la InputLayer debe ser la primera capa</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: a model starts with an InputLayer</source>
        <translation>&apos;%1&apos;: un modelo empieza con una InputLayer</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes its input from &apos;%2&apos;, which is not an earlier layer of the model</source>
        <translation>&apos;%1&apos; toma su entrada de &apos;%2&apos;, que no es una capa anterior del modelo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) takes %3 or more input(s), got %4</source>
        <translation>&apos;%1&apos; (%2) toma %3 o más entradas; recibió %4</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) takes %3 input(s), got %4</source>
        <translation>&apos;%1&apos; (%2) toma %3 entrada(s); recibió %4</translation>
    </message>
    <message>
        <source>the model is empty: add an InputLayer</source>
        <translation>el modelo está vacío: añade una InputLayer</translation>
    </message>
    <message>
        <source>one image needs %1 for the layers&apos; outputs, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller input</source>
        <translation>una imagen necesita %1 para las salidas de las capas, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa una entrada más pequeña</translation>
    </message>
    <message>
        <source>a batch of %3 in training needs %1 for the layers&apos; outputs, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller input</source>
        <translation>un lote de %3 en entrenamiento necesita %1 para las salidas de las capas, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa una entrada más pequeña</translation>
    </message>
    <message>
        <source>a batch of %3 in training needs %1 for the layers&apos; outputs, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller batch size</source>
        <translation>un lote de %3 en entrenamiento necesita %1 para las salidas de las capas, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa un tamaño de lote menor</translation>
    </message>
    <message>
        <source>a batch of %3 needs %1 for the layers&apos; outputs, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use a smaller batch size</source>
        <translation>un lote de %3 necesita %1 para las salidas de las capas, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa un tamaño de lote menor</translation>
    </message>
    <message>
        <source>the model needs %1 for its %3 parameters and their gradients, over the %2 limit (CONVSTUDIO_MEMORY_LIMIT): use fewer or smaller layers</source>
        <translation>el modelo necesita %1 para sus %3 parámetros y sus gradientes, por encima del límite de %2 (CONVSTUDIO_MEMORY_LIMIT): usa menos capas o capas más pequeñas</translation>
    </message>
    <message>
        <source>&apos;%1&apos; leads nowhere: connect its output to a later layer or remove it</source>
        <translation>&apos;%1&apos; no lleva a ninguna parte: conecta su salida a una capa posterior o quítala</translation>
    </message>
    <message>
        <source>the model must be built before it runs</source>
        <translation>el modelo debe construirse antes de ejecutarse</translation>
    </message>
    <message>
        <source>the model expects input %1, got %2</source>
        <translation>el modelo espera la entrada %1; recibió %2</translation>
    </message>
    <message>
        <source>no activations of &apos;%1&apos; were kept: run the forward pass with keepActivations</source>
        <translation>no se guardaron las activaciones de &apos;%1&apos;: ejecuta la pasada hacia delante con keepActivations</translation>
    </message>
    <message>
        <source>no node number %1</source>
        <translation>no hay nodo número %1</translation>
    </message>
    <message>
        <source>no gradient of &apos;%1&apos; was recorded: call recordGradientOf() before backward()</source>
        <translation>no se registró el gradiente de &apos;%1&apos;: llama a recordGradientOf() antes de backward()</translation>
    </message>
    <message>
        <source>the model has no weights to save: build or train it first</source>
        <translation>el modelo no tiene pesos que guardar: constrúyelo o entrénalo antes</translation>
    </message>
    <message>
        <source>no layer named &apos;%1&apos;</source>
        <translation>no hay ninguna capa llamada &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; does not feed &apos;%2&apos;</source>
        <translation>&apos;%1&apos; no alimenta a &apos;%2&apos;</translation>
    </message>
    <message>
        <source>a model has one InputLayer, at the top</source>
        <translation>un modelo tiene una sola InputLayer, arriba del todo</translation>
    </message>
    <message>
        <source>the InputLayer cannot be removed: every model starts with it</source>
        <translation>la InputLayer no se puede quitar: todo modelo empieza con ella</translation>
    </message>
    <message>
        <source>the InputLayer stays at the top</source>
        <translation>la InputLayer se queda arriba del todo</translation>
    </message>
    <message>
        <source>&apos;%1&apos; merges several inputs: connect it by hand instead of moving it</source>
        <translation>&apos;%1&apos; une varias entradas: conéctala a mano en lugar de moverla</translation>
    </message>
    <message>
        <source>nothing comes before &apos;%1&apos;</source>
        <translation>no hay nada antes de &apos;%1&apos;</translation>
    </message>
    <message>
        <source>no layer named &apos;%1&apos; to freeze up to</source>
        <translation>no hay ninguna capa llamada &apos;%1&apos; hasta la que congelar</translation>
    </message>
    <message>
        <source>a classifier needs at least 2 classes (the data set has %1)</source>
        <translation>un clasificador necesita al menos 2 clases (el conjunto de datos tiene %1)</translation>
    </message>
    <message>
        <source>the model has no Flatten or GlobalAveragePooling2D: there is no classifier head to replace (add one where the features end)</source>
        <translation>el modelo no tiene Flatten ni GlobalAveragePooling2D: no hay cabeza clasificadora que reemplazar (añade una donde terminan las características)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) comes after &apos;%3&apos; but is not part of a classifier head (Dense, Dropout, Activation, BatchNormalization): the head cannot be replaced</source>
        <translation>&apos;%1&apos; (%2) va después de &apos;%3&apos;, pero no forma parte de una cabeza clasificadora (Dense, Dropout, Activation, BatchNormalization): la cabeza no se puede reemplazar</translation>
    </message>
    <message>
        <source>copyMatchingWeights: the model to fill is not built</source>
        <translation>copyMatchingWeights: el modelo que hay que rellenar no está construido</translation>
    </message>
    <message>
        <source>no such layer</source>
        <translation>no existe esa capa</translation>
    </message>
    <message>
        <source>a layer cannot take its own output</source>
        <translation>una capa no puede tomar su propia salida</translation>
    </message>
    <message>
        <source>&apos;%1&apos; (%2) takes one input: only Add and Concatenate merge several</source>
        <translation>&apos;%1&apos; (%2) toma una sola entrada: solo Add y Concatenate unen varias</translation>
    </message>
    <message>
        <source>&apos;%1&apos; comes after &apos;%2&apos;: connect an earlier layer to a later one</source>
        <translation>&apos;%1&apos; va después de &apos;%2&apos;: conecta una capa anterior con una posterior</translation>
    </message>
    <message>
        <source>&apos;%1&apos; already feeds &apos;%2&apos;</source>
        <translation>&apos;%1&apos; ya alimenta a &apos;%2&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes at most %2 inputs</source>
        <translation>&apos;%1&apos; toma como máximo %2 entradas</translation>
    </message>
    <message>
        <source>a name uses letters, digits, &apos;_&apos;, &apos;-&apos; and &apos;.&apos; only</source>
        <translation>un nombre solo lleva letras, dígitos, &apos;_&apos;, &apos;-&apos; y &apos;.&apos;</translation>
    </message>
    <message>
        <source>another layer is already named &apos;%1&apos;</source>
        <translation>ya hay otra capa llamada &apos;%1&apos;</translation>
    </message>
</context>
<context>
    <name>cs::OptimizerSpec</name>
    <message>
        <source>adaptive steps per weight from running means of the gradient and its square</source>
        <translation>pasos adaptativos por peso a partir de medias móviles del gradiente y de su cuadrado</translation>
    </message>
    <message>
        <source>plain gradient steps, optionally with (Nesterov) momentum</source>
        <translation>pasos de gradiente simples, opcionalmente con momentum (de Nesterov)</translation>
    </message>
    <message>
        <source>steps scaled by a running mean of the squared gradient</source>
        <translation>pasos escalados por una media móvil del gradiente al cuadrado</translation>
    </message>
</context>
<context>
    <name>cs::Playground</name>
    <message>
        <source>a %1-wide window does not fit in %2 with valid padding (use same or full padding, or a smaller window)</source>
        <translation>una ventana de ancho %1 no cabe en %2 con padding valid (usa padding same o full, o una ventana más pequeña)</translation>
    </message>
    <message>
        <source>valid: out = floor((n - k) / s) + 1 = floor((%1 - %2) / %3) + 1 = %4</source>
        <translation>valid: salida = floor((n - k) / s) + 1 = floor((%1 - %2) / %3) + 1 = %4</translation>
    </message>
    <message>
        <source>same: out = ceil(n / s) = ceil(%1 / %2) = %3; padding (out - 1) * s + k - n = %4 (%5 before, %6 after)</source>
        <translation>same: salida = ceil(n / s) = ceil(%1 / %2) = %3; padding (salida - 1) * s + k - n = %4 (%5 antes, %6 después)</translation>
    </message>
    <message>
        <source>full: padding k - 1 = %1 each side; out = floor((n + 2(k - 1) - k) / s) + 1 = floor((%2 + %3 - %4) / %5) + 1 = %6</source>
        <translation>full: padding k - 1 = %1 a cada lado; salida = floor((n + 2(k - 1) - k) / s) + 1 = floor((%2 + %3 - %4) / %5) + 1 = %6</translation>
    </message>
    <message>
        <source>unknown mode &apos;%1&apos; (use correlation, as Conv2D, or convolution, as scipy&apos;s convolve2d)</source>
        <translation>modo desconocido &apos;%1&apos; (usa correlation, como Conv2D, o convolution, como convolve2d de scipy)</translation>
    </message>
    <message>
        <source>unknown kernel &apos;%1&apos; (presets: %2; or type a matrix such as &quot;0 -1 0; -1 5 -1; 0 -1 0&quot;)</source>
        <translation>kernel desconocido &apos;%1&apos; (predefinidos: %2; o escribe una matriz como &quot;0 -1 0; -1 5 -1; 0 -1 0&quot;)</translation>
    </message>
    <message>
        <source>the kernel is empty</source>
        <translation>el kernel está vacío</translation>
    </message>
    <message>
        <source>resize: size must be at least 1x1, got %1x%2</source>
        <translation>redimensionar: el tamaño debe ser al menos 1x1; se recibió %1x%2</translation>
    </message>
    <message>
        <source>crop: the box (%1, %2, %3, %4) is empty: right must exceed left and bottom must exceed top</source>
        <translation>recortar: el recuadro (%1, %2, %3, %4) está vacío: la derecha debe superar a la izquierda y abajo debe superar a arriba</translation>
    </message>
    <message>
        <source>crop: the box (%1, %2, %3, %4) reaches outside the %5x%6 image</source>
        <translation>recortar: el recuadro (%1, %2, %3, %4) se sale de la imagen de %5x%6</translation>
    </message>
    <message>
        <source>matrix: &apos;%1&apos; is not a number</source>
        <translation>matriz: &apos;%1&apos; no es un número</translation>
    </message>
    <message>
        <source>matrix: no numbers in &apos;%1&apos;</source>
        <translation>matriz: no hay números en &apos;%1&apos;</translation>
    </message>
    <message>
        <source>matrix: row %1 has %2 numbers, row 1 has %3</source>
        <translation>matriz: la fila %1 tiene %2 números y la fila 1 tiene %3</translation>
    </message>
    <message>
        <source>the playground takes 8-bit grey or colour images</source>
        <translation>el laboratorio toma imágenes de 8 bits en gris o en color</translation>
    </message>
    <message>
        <source>unknown display scale &apos;%1&apos; (use clip, abs or normalize)</source>
        <translation>escala de visualización desconocida &apos;%1&apos; (usa clip, abs o normalize)</translation>
    </message>
    <message>
        <source>no channels to turn into an image</source>
        <translation>no hay canales que convertir en imagen</translation>
    </message>
    <message>
        <source>unknown padding &apos;%1&apos; (use valid, same or full)</source>
        <translation>relleno (padding) desconocido &apos;%1&apos; (usa valid, same o full)</translation>
    </message>
    <message>
        <source>the window must be at least 1, got %1</source>
        <translation>la ventana debe ser al menos 1; se recibió %1</translation>
    </message>
    <message>
        <source>the stride must be at least 1, got %1</source>
        <translation>el paso (stride) debe ser al menos 1; se recibió %1</translation>
    </message>
    <message>
        <source>the input must have at least one row and column</source>
        <translation>la entrada debe tener al menos una fila y una columna</translation>
    </message>
    <message>
        <source>unknown pooling &apos;%1&apos; (use max or average)</source>
        <translation>agrupación (pooling) desconocida &apos;%1&apos; (usa max o average)</translation>
    </message>
    <message>
        <source>pooling takes valid or same padding (full padding is a convolution mode)</source>
        <translation>la agrupación (pooling) admite relleno valid o same (el relleno full es un modo de convolución)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is more than one number</source>
        <translation>&apos;%1&apos; es más de un número</translation>
    </message>
</context>
<context>
    <name>cs::SettingSpec</name>
    <message>
        <source>rotate by a random angle in [-r, r] degrees</source>
        <translation>gira un ángulo al azar en [-r, r] grados</translation>
    </message>
    <message>
        <source>shift sideways by up to this fraction of the width (1 or more: pixels)</source>
        <translation>desplaza a los lados hasta esta fracción del ancho (1 o más: píxeles)</translation>
    </message>
    <message>
        <source>shift up or down by up to this fraction of the height (1 or more: pixels)</source>
        <translation>desplaza arriba o abajo hasta esta fracción del alto (1 o más: píxeles)</translation>
    </message>
    <message>
        <source>shear by a random angle in [-s, s] degrees (counter-clockwise)</source>
        <translation>inclina (cizalla) un ángulo al azar en [-s, s] grados (en sentido antihorario)</translation>
    </message>
    <message>
        <source>zoom factors in [lo, hi], x and y drawn apart (1 = none; a single z means [1-z, 1+z])</source>
        <translation>factores de zoom en [lo, hi], x e y sorteados por separado (1 = ninguno; un solo z significa [1-z, 1+z])</translation>
    </message>
    <message>
        <source>mirror half of the images left-right</source>
        <translation>refleja la mitad de las imágenes de izquierda a derecha</translation>
    </message>
    <message>
        <source>mirror half of the images top-bottom</source>
        <translation>refleja la mitad de las imágenes de arriba abajo</translation>
    </message>
    <message>
        <source>multiply pixels by a factor in [lo, hi] (1 = unchanged)</source>
        <translation>multiplica los píxeles por un factor en [lo, hi] (1 = sin cambio)</translation>
    </message>
    <message>
        <source>how pixels that come from outside the image are filled</source>
        <translation>cómo se rellenan los píxeles que vienen de fuera de la imagen</translation>
    </message>
    <message>
        <source>pixel value outside the image when fill_mode is constant</source>
        <translation>valor de los píxeles de fuera de la imagen cuando fill_mode es constant</translation>
    </message>
    <message>
        <source>-log of the probability given to the true class; one softmax output per class</source>
        <translation>-log de la probabilidad dada a la clase verdadera; una salida softmax por clase</translation>
    </message>
    <message>
        <source>the same number, Keras&apos;s name for integer labels (class_mode sparse)</source>
        <translation>el mismo número, el nombre de Keras para etiquetas enteras (class_mode sparse)</translation>
    </message>
    <message>
        <source>two classes and one sigmoid output: the probability of class 1</source>
        <translation>dos clases y una salida sigmoide: la probabilidad de la clase 1</translation>
    </message>
    <message>
        <source>mean squared difference to the one-hot target (the label itself for one output)</source>
        <translation>diferencia cuadrática media con el objetivo one-hot (la propia etiqueta con una sola salida)</translation>
    </message>
    <message>
        <source>step size of each update</source>
        <translation>tamaño de cada paso de actualización</translation>
    </message>
    <message>
        <source>fraction of the previous step carried into the next (0 = none)</source>
        <translation>fracción del paso anterior que se lleva al siguiente (0 = nada)</translation>
    </message>
    <message>
        <source>Nesterov momentum: the gradient is taken after the momentum step</source>
        <translation>momento de Nesterov: el gradiente se toma después del paso del momento</translation>
    </message>
    <message>
        <source>the history value watched (val_ ones need a validation split)</source>
        <translation>el valor del historial que se vigila (los val_ necesitan una división de validación)</translation>
    </message>
    <message>
        <source>whether lower or higher is better; auto: higher for accuracies</source>
        <translation>si es mejor más bajo o más alto; auto: más alto para las exactitudes</translation>
    </message>
    <message>
        <source>auto: from the output layer and class mode (see the losses)</source>
        <translation>auto: según la capa de salida y el modo de clases (ver las pérdidas)</translation>
    </message>
    <message>
        <source>passes over the training split</source>
        <translation>pasadas por la parte de entrenamiento</translation>
    </message>
    <message>
        <source>images per update step</source>
        <translation>imágenes por paso de actualización</translation>
    </message>
    <message>
        <source>batches per epoch, 0 = all of them</source>
        <translation>lotes por época, 0 = todos</translation>
    </message>
    <message>
        <source>last fraction of the training split kept for validation</source>
        <translation>última fracción de la parte de entrenamiento que se reserva para validación</translation>
    </message>
    <message>
        <source>shuffle the training order every epoch</source>
        <translation>baraja el orden de entrenamiento en cada época</translation>
    </message>
    <message>
        <source>seed of initialisation, shuffling, dropout and augmentation</source>
        <translation>semilla de la inicialización, el barajado, el dropout y el aumento de datos</translation>
    </message>
    <message>
        <source>0 = every core, -1 = every core but one, N = N threads</source>
        <translation>0 = todos los núcleos, -1 = todos menos uno, N = N hilos</translation>
    </message>
    <message>
        <source>smallest change that counts as better</source>
        <translation>cambio mínimo que cuenta como mejora</translation>
    </message>
    <message>
        <source>stops the run when the monitored value stops improving</source>
        <translation>detiene el entrenamiento cuando el valor vigilado deja de mejorar</translation>
    </message>
    <message>
        <source>epochs without improvement before stopping</source>
        <translation>épocas sin mejora antes de detenerse</translation>
    </message>
    <message>
        <source>end with the weights of the best epoch</source>
        <translation>termina con los pesos de la mejor época</translation>
    </message>
    <message>
        <source>saves the model after epochs, or only when it improved</source>
        <translation>guarda el modelo tras cada época, o solo cuando ha mejorado</translation>
    </message>
    <message>
        <source>file to write; {epoch:02d} and {val_loss:.4f} are filled in</source>
        <translation>archivo que se escribe; {epoch:02d} y {val_loss:.4f} se rellenan</translation>
    </message>
    <message>
        <source>save only when the monitored value improved</source>
        <translation>guarda solo cuando el valor vigilado ha mejorado</translation>
    </message>
    <message>
        <source>lowers the learning rate when the monitored value stops improving</source>
        <translation>baja la tasa de aprendizaje cuando el valor vigilado deja de mejorar</translation>
    </message>
    <message>
        <source>the rate is multiplied by this</source>
        <translation>la tasa se multiplica por este valor</translation>
    </message>
    <message>
        <source>epochs without improvement before lowering</source>
        <translation>épocas sin mejora antes de bajarla</translation>
    </message>
    <message>
        <source>the rate is never lowered below this</source>
        <translation>la tasa nunca baja de este valor</translation>
    </message>
    <message>
        <source>epochs to wait after lowering before counting again</source>
        <translation>épocas de espera tras bajarla antes de volver a contar</translation>
    </message>
    <message>
        <source>writes the history of every epoch as CSV</source>
        <translation>escribe el historial de cada época como CSV</translation>
    </message>
    <message>
        <source>a file, or a device such as /dev/stdout</source>
        <translation>un archivo, o un dispositivo como /dev/stdout</translation>
    </message>
</context>
<context>
    <name>cs::Settings</name>
    <message>
        <source>unknown activation &apos;%1&apos; (use linear, relu, sigmoid, tanh or softmax)</source>
        <translation>activación desconocida &apos;%1&apos; (usa linear, relu, sigmoid, tanh o softmax)</translation>
    </message>
    <message>
        <source>%1: unknown parameter &apos;%2&apos; (known: %3)</source>
        <translation>%1: parámetro desconocido &apos;%2&apos; (conocidos: %3)</translation>
    </message>
    <message>
        <source>%1 must be a number, got &apos;%2&apos;</source>
        <translation>%1 debe ser un número; se recibió &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 takes two numbers &apos;lo,hi&apos;, got &apos;%2&apos;</source>
        <translation>%1 lleva dos números &apos;min,max&apos;; se recibió &apos;%2&apos;</translation>
    </message>
    <message>
        <source>%1 must be true or false, got &apos;%2&apos;</source>
        <translation>%1 debe ser true o false; se recibió &apos;%2&apos;</translation>
    </message>
    <message>
        <source>unknown fill_mode &apos;%1&apos; (use nearest, constant, reflect or wrap)</source>
        <translation>fill_mode desconocido &apos;%1&apos; (usa nearest, constant, reflect o wrap)</translation>
    </message>
    <message>
        <source>rescale is preprocessing, not augmentation: it applies to every split (use the preprocessing option --rescale)</source>
        <translation>rescale es preprocesamiento, no aumento de datos: se aplica a todas las particiones (usa la opción de preprocesamiento --rescale)</translation>
    </message>
    <message>
        <source>unknown augmentation option &apos;%1&apos; (known: %2)</source>
        <translation>opción de aumento de datos desconocida &apos;%1&apos; (conocidas: %2)</translation>
    </message>
    <message>
        <source>%1 must be 0 or more, got %2</source>
        <translation>%1 debe ser 0 o más; se recibió %2</translation>
    </message>
    <message>
        <source>zoom_range must satisfy 0 &lt; lo &lt;= hi, got [%1, %2] (a single z means [1-z, 1+z], so z must be below 1)</source>
        <translation>zoom_range debe cumplir 0 &lt; min &lt;= max; se recibió [%1, %2] (un solo z significa [1-z, 1+z], así que z debe ser menor que 1)</translation>
    </message>
    <message>
        <source>brightness_range must satisfy 0 &lt;= lo &lt;= hi, got [%1, %2]</source>
        <translation>brightness_range debe cumplir 0 &lt;= min &lt;= max; se recibió [%1, %2]</translation>
    </message>
    <message>
        <source>cval must be a pixel value in 0-255, got %1</source>
        <translation>cval debe ser un valor de píxel entre 0 y 255; se recibió %1</translation>
    </message>
    <message>
        <source>zoom_range: expected a number or [lo, hi]</source>
        <translation>zoom_range: se esperaba un número o [min, max]</translation>
    </message>
    <message>
        <source>brightness_range: expected [lo, hi]</source>
        <translation>brightness_range: se esperaba [min, max]</translation>
    </message>
    <message>
        <source>data kind &apos;%1&apos; is not one of idx, cifar10, image_folders</source>
        <translation>el tipo de datos &apos;%1&apos; no es ninguno de idx, cifar10, image_folders</translation>
    </message>
    <message>
        <source>image_folders.target_size must be [height, width] between 1 and 16384</source>
        <translation>image_folders.target_size debe ser [alto, ancho] entre 1 y 16384</translation>
    </message>
    <message>
        <source>image_folders.validation_split must be in [0, 1)</source>
        <translation>image_folders.validation_split debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>preprocessing: a std of 0 would divide by zero</source>
        <translation>preprocesamiento: una std de 0 dividiría por cero</translation>
    </message>
    <message>
        <source>%1 monitors &apos;%2&apos;, which this run does not compute (it has %3): set a validation split or validation data</source>
        <translation>%1 vigila &apos;%2&apos;, que esta ejecución no calcula (tiene %3): fija una fracción de validación o datos de validación</translation>
    </message>
    <message>
        <source>%1 monitors &apos;%2&apos;, which this run does not compute (it has %3)</source>
        <translation>%1 vigila &apos;%2&apos;, que esta ejecución no calcula (tiene %3)</translation>
    </message>
    <message>
        <source>unknown mode &apos;%1&apos; (use auto, min or max)</source>
        <translation>modo desconocido &apos;%1&apos; (usa auto, min o max)</translation>
    </message>
    <message>
        <source>EarlyStopping: patience must be 0 or more</source>
        <translation>EarlyStopping: patience debe ser 0 o más</translation>
    </message>
    <message>
        <source>unknown loss &apos;%1&apos; (use %2)</source>
        <translation>función de pérdida desconocida &apos;%1&apos; (usa %2)</translation>
    </message>
    <message>
        <source>binary_crossentropy needs one output unit (Dense(1, sigmoid)), the model has %1: use categorical_crossentropy or change the last layer</source>
        <translation>binary_crossentropy necesita una unidad de salida (Dense(1, sigmoid)) y el modelo tiene %1: usa categorical_crossentropy o cambia la última capa</translation>
    </message>
    <message>
        <source>binary_crossentropy needs 2 classes, the data set has %1: use categorical_crossentropy</source>
        <translation>binary_crossentropy necesita 2 clases y el conjunto de datos tiene %1: usa categorical_crossentropy</translation>
    </message>
    <message>
        <source>the model&apos;s last layer has %1 units but the data set has %2 classes: set the last Dense to %3 units</source>
        <translation>la última capa del modelo tiene %1 unidades, pero el conjunto de datos tiene %2 clases: pon %3 unidades en la última Dense</translation>
    </message>
    <message>
        <source>ModelCheckpoint: filepath is empty</source>
        <translation>ModelCheckpoint: filepath está vacío</translation>
    </message>
    <message>
        <source>ModelCheckpoint: unclosed &apos;{&apos; in file path &apos;%1&apos;</source>
        <translation>ModelCheckpoint: &apos;{&apos; sin cerrar en la ruta de archivo &apos;%1&apos;</translation>
    </message>
    <message>
        <source>ModelCheckpoint: unsupported format &apos;%1&apos; in &apos;%2&apos;</source>
        <translation>ModelCheckpoint: formato no admitido &apos;%1&apos; en &apos;%2&apos;</translation>
    </message>
    <message>
        <source>ModelCheckpoint: the file path uses {%1}, which this run does not compute</source>
        <translation>ModelCheckpoint: la ruta de archivo usa {%1}, que esta ejecución no calcula</translation>
    </message>
    <message>
        <source>no optimizer takes a setting &apos;%1&apos;</source>
        <translation>ningún optimizador admite el ajuste &apos;%1&apos;</translation>
    </message>
    <message>
        <source>optimizer &apos;%1&apos; is not one of %2</source>
        <translation>el optimizador &apos;%1&apos; no es ninguno de %2</translation>
    </message>
    <message>
        <source>Adam: beta_1 and beta_2 must be in [0, 1)</source>
        <translation>Adam: beta_1 y beta_2 deben estar en [0, 1)</translation>
    </message>
    <message>
        <source>SGD: momentum must be in [0, 1)</source>
        <translation>SGD: momentum debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>RMSprop: rho must be in [0, 1)</source>
        <translation>RMSprop: rho debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>unknown optimizer &apos;%1&apos; (use adam, sgd or rmsprop)</source>
        <translation>optimizador desconocido &apos;%1&apos; (usa adam, sgd o rmsprop)</translation>
    </message>
    <message>
        <source>%1: learning_rate must be a positive number</source>
        <translation>%1: learning_rate debe ser un número positivo</translation>
    </message>
    <message>
        <source>%1: mode &apos;%2&apos; is not one of auto, min, max</source>
        <translation>%1: el modo &apos;%2&apos; no es ninguno de auto, min, max</translation>
    </message>
    <message>
        <source>training: batch_size, epochs and learning_rate must be positive and validation_split in [0, 1)</source>
        <translation>entrenamiento: batch_size, epochs y learning_rate deben ser positivos y validation_split debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>learning_rate must be between %1 and %2</source>
        <translation>learning_rate debe estar entre %1 y %2</translation>
    </message>
    <message>
        <source>momentum must be in [0, 1)</source>
        <translation>momentum debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>epochs must be 1 or more</source>
        <translation>epochs debe ser 1 o más</translation>
    </message>
    <message>
        <source>batch_size must be 1 or more</source>
        <translation>batch_size debe ser 1 o más</translation>
    </message>
    <message>
        <source>steps_per_epoch must be 0 (all) or more</source>
        <translation>steps_per_epoch debe ser 0 (todos) o más</translation>
    </message>
    <message>
        <source>validation_split must be in [0, 1)</source>
        <translation>validation_split debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau: factor must be between 0 and 1 (it multiplies the rate)</source>
        <translation>ReduceLROnPlateau: factor debe estar entre 0 y 1 (multiplica la tasa)</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau: patience and cooldown must be 0 or more</source>
        <translation>ReduceLROnPlateau: patience y cooldown deben ser 0 o más</translation>
    </message>
    <message>
        <source>CSVLogger: filename is empty</source>
        <translation>CSVLogger: filename está vacío</translation>
    </message>
</context>
<context>
    <name>cs::Training</name>
    <message>
        <source>%1: cannot write the CSV log: %2</source>
        <translation>%1: no se puede escribir el registro CSV: %2</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau: factor must be between 0 and 1 (it multiplies the rate)</source>
        <translation>ReduceLROnPlateau: factor debe estar entre 0 y 1 (multiplica la tasa)</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau: patience and cooldown must be 0 or more</source>
        <translation>ReduceLROnPlateau: patience y cooldown deben ser 0 o más</translation>
    </message>
    <message>
        <source>%1 data has label %2, outside the %3 classes</source>
        <translation>los datos de %1 tienen la etiqueta %2, fuera de las %3 clases</translation>
    </message>
    <message>
        <source>epochs must be 1 or more</source>
        <translation>epochs debe ser 1 o más</translation>
    </message>
    <message>
        <source>batch size must be 1 or more</source>
        <translation>el tamaño de lote debe ser 1 o más</translation>
    </message>
    <message>
        <source>steps per epoch must be 0 (all) or more</source>
        <translation>los pasos por época deben ser 0 (todos) o más</translation>
    </message>
    <message>
        <source>validation split must be in [0, 1)</source>
        <translation>la fracción de validación debe estar en [0, 1)</translation>
    </message>
    <message>
        <source>ModelCheckpoint needs a way to save the model: none was given</source>
        <translation>ModelCheckpoint necesita una forma de guardar el modelo: no se dio ninguna</translation>
    </message>
    <message>
        <source>a label is negative: %1</source>
        <translation>una etiqueta es negativa: %1</translation>
    </message>
    <message>
        <source>a validation label is negative: %1</source>
        <translation>una etiqueta de validación es negativa: %1</translation>
    </message>
    <message>
        <source>the model expects images of %1 but the data has %2: change the InputLayer shape or the data&apos;s target size / colour mode</source>
        <translation>el modelo espera imágenes de %1, pero los datos tienen %2: cambia la forma de la InputLayer o el tamaño de destino / modo de color de los datos</translation>
    </message>
    <message>
        <source>training</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>the training set is empty</source>
        <translation>el conjunto de entrenamiento está vacío</translation>
    </message>
    <message>
        <source>validation images are %1, the model expects %2</source>
        <translation>las imágenes de validación son %1 y el modelo espera %2</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>the model has no weights: build or load it first</source>
        <translation>el modelo no tiene pesos: constrúyelo o cárgalo antes</translation>
    </message>
    <message>
        <source>the model expects images of %1 but the data has %2</source>
        <translation>el modelo espera imágenes de %1, pero los datos tienen %2</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
    <message>
        <source>no data set to train on (a data set in memory or image folders)</source>
        <translation>no hay conjunto de datos con el que entrenar (un conjunto en memoria o carpetas de imágenes)</translation>
    </message>
    <message>
        <source>the model expects images of %1 but %2 images are %3x%4x%5: change the InputLayer shape or the data&apos;s target size / colour mode</source>
        <translation>el modelo espera imágenes de %1, pero las imágenes de %2 son de %3x%4x%5: cambia la forma de la InputLayer o el tamaño de destino / modo de color de los datos</translation>
    </message>
    <message>
        <source>%1: no test/ or validation/ images to test on</source>
        <translation>%1: no hay imágenes en test/ ni en validation/ con las que evaluar</translation>
    </message>
    <message>
        <source>unknown callback &apos;%1&apos; (known: %2)</source>
        <translation>callback desconocido &apos;%1&apos; (conocidos: %2)</translation>
    </message>
    <message>
        <source>%1: cannot write the CSV log: %2; the run goes on without it</source>
        <translation>%1: no se puede escribir el registro CSV: %2; el entrenamiento sigue sin él</translation>
    </message>
    <message>
        <source>early stopping: %1 has not improved for %2 epoch(s); best was epoch %3</source>
        <translation>parada temprana: %1 no ha mejorado en %2 época(s); la mejor fue la época %3</translation>
    </message>
    <message>
        <source>restored the weights of epoch %1</source>
        <translation>se restauraron los pesos de la época %1</translation>
    </message>
    <message>
        <source>checkpoint not saved</source>
        <translation>checkpoint no guardado</translation>
    </message>
    <message>
        <source>saved %1 (%2 improved)</source>
        <translation>guardado %1 (%2 mejoró)</translation>
    </message>
    <message>
        <source>saved %1</source>
        <translation>guardado %1</translation>
    </message>
    <message>
        <source>learning rate reduced from %1 to %2 (%3 stalled)</source>
        <translation>tasa de aprendizaje reducida de %1 a %2 (%3 estancada)</translation>
    </message>
    <message>
        <source>the loss became NaN at epoch %1, batch %2: training stopped; try a lower learning rate or check the data</source>
        <translation>la pérdida se volvió NaN en la época %1, lote %2: el entrenamiento se detuvo; prueba una tasa de aprendizaje menor o revisa los datos</translation>
    </message>
    <message>
        <source>the loss became infinite at epoch %1, batch %2: training stopped; try a lower learning rate or check the data</source>
        <translation>la pérdida se volvió infinita en la época %1, lote %2: el entrenamiento se detuvo; prueba una tasa de aprendizaje menor o revisa los datos</translation>
    </message>
</context>
<context>
    <name>ui::AttributeEditor</name>
    <message>
        <source>same as pool</source>
        <translation>igual que pool</translation>
    </message>
    <message>
        <source>Keras&apos;s None: the stride equals the pool size</source>
        <translation>El None de Keras: el paso es igual al tamaño del pool</translation>
    </message>
</context>
<context>
    <name>ui::AugmentationPanel</name>
    <message>
        <source>Augmentation (training split only)</source>
        <translation>Aumento de datos (solo entrenamiento)</translation>
    </message>
    <message>
        <source>horizontal_flip</source>
        <translation>horizontal_flip</translation>
    </message>
    <message>
        <source>vertical_flip</source>
        <translation>vertical_flip</translation>
    </message>
    <message>
        <source>Course example</source>
        <translation>Ejemplo del curso</translation>
    </message>
    <message>
        <source>rotation 30°, shifts 0.2, zoom 0.2, horizontal flip, fill nearest — as in the course</source>
        <translation>rotación 30°, desplazamientos 0.2, zoom 0.2, volteo horizontal, relleno nearest — como en el curso</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ninguno</translation>
    </message>
    <message>
        <source>No augmentation</source>
        <translation>Sin aumento de datos</translation>
    </message>
    <message>
        <source>Not used: only rotation, shifts, shear or zoom bring in pixels from outside the image</source>
        <translation>No se usa: solo la rotación, los desplazamientos, la inclinación o el zoom traen píxeles de fuera de la imagen</translation>
    </message>
    <message>
        <source>Not used: fill_mode is %1, not constant</source>
        <translation>No se usa: fill_mode es %1, no constant</translation>
    </message>
</context>
<context>
    <name>ui::AugmentationPreviewView</name>
    <message>
        <source>New draws</source>
        <translation>Nuevos sorteos</translation>
    </message>
    <message>
        <source>Draw other random transforms of the same images</source>
        <translation>Sortea otras transformaciones aleatorias de las mismas imágenes</translation>
    </message>
    <message>
        <source>Each row: a training image (framed), then random draws of the settings: r rotation°, t shift px, s shear°, z zoom, b brightness.</source>
        <translation>Cada fila: una imagen de entrenamiento (con marco) y luego sorteos aleatorios de los ajustes: r rotación°, t desplazamiento px, s inclinación°, z zoom, b brillo.</translation>
    </message>
    <message>
        <source>No augmentation: the training images are used as they are. Set a range on the left to see random transforms here.</source>
        <translation>Sin aumento de datos: las imágenes de entrenamiento se usan tal cual. Fija un rango a la izquierda para ver aquí transformaciones aleatorias.</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>sin cambios</translation>
    </message>
</context>
<context>
    <name>ui::BarChart</name>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>values</source>
        <translation>valores</translation>
    </message>
    <message>
        <source>category</source>
        <translation>categoría</translation>
    </message>
</context>
<context>
    <name>ui::CellImagesDialog</name>
    <message>
        <source>%1 recognised</source>
        <translation>%1: reconocidas</translation>
    </message>
    <message>
        <source>%1 predicted as %2</source>
        <translation>%1 predicha como %2</translation>
    </message>
    <message>
        <source>%1 %2 image(s)</source>
        <translation>%1 imagen(es) de %2</translation>
    </message>
    <message>
        <source> (the first %1 shown)</source>
        <translation> (se muestran las %1 primeras)</translation>
    </message>
    <message>
        <source>%1 image %2: true %3, predicted %4</source>
        <translation>%1 imagen %2: real %3, predicha %4</translation>
    </message>
    <message>
        <source>Double-click an image to see its feature maps in Inspect.</source>
        <translation>Haz doble clic en una imagen para ver sus mapas de características en Inspeccionar.</translation>
    </message>
</context>
<context>
    <name>ui::ClassifyPage</name>
    <message>
        <source>&lt;p style=&apos;font-size:x-large&apos;&gt;&lt;b&gt;No model to classify with yet&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Train a model on the Train page, or open a .safetensors model.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:x-large&apos;&gt;&lt;b&gt;Aún no hay un modelo con el que clasificar&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Entrena un modelo en la página Entrenar o abre un modelo .safetensors.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <source>Add Images…</source>
        <translation>Añadir imágenes…</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <source>Classify the image or the image files on the clipboard (Ctrl+V)</source>
        <translation>Clasifica la imagen o los archivos de imagen del portapapeles (Ctrl+V)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Vaciar</translation>
    </message>
    <message>
        <source>How many of the most probable classes each image shows</source>
        <translation>Cuántas de las clases más probables muestra cada imagen</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>clases</translation>
    </message>
    <message>
        <source>dropped image %1</source>
        <translation>imagen soltada %1</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;font-size:x-large&apos;&gt;&lt;b&gt;Waiting for the first snapshot&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Your images are classified again with the new run&apos;s model about a second after its first batch.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:x-large&apos;&gt;&lt;b&gt;Esperando la primera instantánea&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Tus imágenes se vuelven a clasificar con el modelo de la nueva ejecución alrededor de un segundo después de su primer lote.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>gris</translation>
    </message>
    <message>
        <source>RGB</source>
        <translation>RGB</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt; · %2 images · %3 classes</source>
        <translation>Modelo: &lt;b&gt;%1&lt;/b&gt; · %2 imágenes · %3 clases</translation>
    </message>
    <message>
        <source>pasted image %1</source>
        <translation>imagen pegada %1</translation>
    </message>
    <message>
        <source>Add Images</source>
        <translation>Añadir imágenes</translation>
    </message>
    <message>
        <source>Images (%1);;All files (*)</source>
        <translation>Imágenes (%1);;Todos los archivos (*)</translation>
    </message>
</context>
<context>
    <name>ui::ColourLegend</name>
    <message>
        <source>blue negative, white 0, red positive: %1 %2</source>
        <translation>azul negativo, blanco 0, rojo positivo: %1 %2</translation>
    </message>
    <message>
        <source>grey = 0; each colour channel brighter positive, darker negative: %1 %2</source>
        <translation>gris = 0; cada canal de color más claro si es positivo, más oscuro si es negativo: %1 %2</translation>
    </message>
    <message>
        <source>black lowest, white highest: %1 %2</source>
        <translation>negro el menor, blanco el mayor: %1 %2</translation>
    </message>
</context>
<context>
    <name>ui::ConfusionMatrixView</name>
    <message>
        <source>Rows: true class · columns: predicted class. Click a cell to see its images.</source>
        <translation>Filas: clase real · columnas: clase predicha. Haz clic en una celda para ver sus imágenes.</translation>
    </message>
    <message>
        <source>Confusion matrix</source>
        <translation>Matriz de confusión</translation>
    </message>
    <message>
        <source>confusion matrix</source>
        <translation>matriz de confusión</translation>
    </message>
    <message>
        <source>per-class report</source>
        <translation>informe por clase</translation>
    </message>
    <message>
        <source>true class / predicted</source>
        <translation>clase real / predicha</translation>
    </message>
    <message>
        <source>predicted %1</source>
        <translation>predicha %1</translation>
    </message>
    <message>
        <source>%1 %2 image(s) predicted as %3</source>
        <translation>%1 imagen(es) de %2 predichas como %3</translation>
    </message>
    <message>
        <source>macro avg</source>
        <translation>media macro</translation>
    </message>
</context>
<context>
    <name>ui::ConvolutionPanel</name>
    <message>
        <source>custom</source>
        <translation>personalizado</translation>
    </message>
    <message>
        <source>Cross-correlation (Conv2D)</source>
        <translation>Correlación (Conv2D)</translation>
    </message>
    <message>
        <source>Convolution (scipy convolve2d)</source>
        <translation>Convolución (convolve2d)</translation>
    </message>
    <message>
        <source>valid: no padding · same: zeros so that out = ceil(n / stride) · full: k − 1 zeros on each side</source>
        <translation>valid: sin padding · same: ceros para que salida = ceil(n / stride) · full: k − 1 ceros a cada lado</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Predefinido:</translation>
    </message>
    <message>
        <source>Kernel size:</source>
        <translation>Tamaño del kernel:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operación:</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>Relleno (padding):</translation>
    </message>
    <message>
        <source>Stride:</source>
        <translation>Paso (stride):</translation>
    </message>
    <message>
        <source>kernel</source>
        <translation>kernel</translation>
    </message>
    <message>
        <source>your own kernel: edit the cells (1/9 works too)</source>
        <translation>tu propio kernel: edita las celdas (1/9 también vale)</translation>
    </message>
</context>
<context>
    <name>ui::CurrentModel</name>
    <message>
        <source>holds no class names (an untrained architecture?)</source>
        <translation>no tiene nombres de clases (¿una arquitectura sin entrenar?)</translation>
    </message>
</context>
<context>
    <name>ui::DataFitPanel</name>
    <message>
        <source>The model and the data set do not fit</source>
        <translation>El modelo y el conjunto de datos no encajan</translation>
    </message>
    <message>
        <source>Changes how the data set is loaded: %1</source>
        <translation>Cambia cómo se carga el conjunto de datos: %1</translation>
    </message>
    <message>
        <source>Changes the model (%1)</source>
        <translation>Cambia el modelo (%1)</translation>
    </message>
    <message>
        <source>No fix keeps the model working: change it on the Model page.</source>
        <translation>Ningún arreglo deja el modelo funcionando: cámbialo en la página Modelo.</translation>
    </message>
</context>
<context>
    <name>ui::DataPage</name>
    <message>
        <source>Samples</source>
        <translation>Muestras</translation>
    </message>
    <message>
        <source>Augmentation preview</source>
        <translation>Vista previa del aumento</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>Loaded in %1 s.</source>
        <translation>Cargado en %1 s.</translation>
    </message>
    <message>
        <source>
Install it with: sudo apt install dataset-fashion-mnist</source>
        <translation>
Instálalo con: sudo apt install dataset-fashion-mnist</translation>
    </message>
    <message>
        <source>No data set loaded.</source>
        <translation>No hay ningún conjunto de datos cargado.</translation>
    </message>
    <message>
        <source>holds %1 data, not %2: choose that kind</source>
        <translation>contiene datos %1, no %2: elige ese tipo</translation>
    </message>
</context>
<context>
    <name>ui::DataSourcePanel</name>
    <message>
        <source>Data set</source>
        <translation>Conjunto de datos</translation>
    </message>
    <message>
        <source>Fashion-MNIST (installed)</source>
        <translation>Fashion-MNIST (instalado)</translation>
    </message>
    <message>
        <source>MNIST or another IDX folder…</source>
        <translation>MNIST u otra carpeta IDX…</translation>
    </message>
    <message>
        <source>CIFAR-10 binary folder…</source>
        <translation>Carpeta binaria de CIFAR-10…</translation>
    </message>
    <message>
        <source>Image folder (one sub-folder per class)…</source>
        <translation>Carpeta de imágenes (una subcarpeta por clase)…</translation>
    </message>
    <message>
        <source>60,000 + 10,000 grey 28×28 images of clothes in 10 classes, from Debian&apos;s dataset-fashion-mnist package</source>
        <translation>60.000 + 10.000 imágenes grises de 28×28 de prendas de ropa en 10 clases, del paquete dataset-fashion-mnist de Debian</translation>
    </message>
    <message>
        <source>A folder with train/t10k images and labels in IDX format (.gz or raw)</source>
        <translation>Una carpeta con imágenes y etiquetas train/t10k en formato IDX (.gz o sin comprimir)</translation>
    </message>
    <message>
        <source>data_batch_*.bin, test_batch.bin and batches.meta.txt</source>
        <translation>data_batch_*.bin, test_batch.bin y batches.meta.txt</translation>
    </message>
    <message>
        <source>train/ + validation/ (+ test/) with a folder per class, or one folder of class folders split by validation_split</source>
        <translation>train/ + validation/ (+ test/) con una carpeta por clase, o una sola carpeta de carpetas de clases dividida por validation_split</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>auto: area averaging to shrink, bilinear to enlarge (as predict does)</source>
        <translation>auto: promedio por áreas para reducir, bilineal para ampliar (como hace predict)</translation>
    </message>
    <message>
        <source>For one folder of classes: this fraction becomes validation data</source>
        <translation>Para una sola carpeta de clases: esta fracción pasa a ser datos de validación</translation>
    </message>
    <message>
        <source>target_size</source>
        <translation>target_size</translation>
    </message>
    <message>
        <source>color_mode</source>
        <translation>color_mode</translation>
    </message>
    <message>
        <source>interpolation</source>
        <translation>interpolation</translation>
    </message>
    <message>
        <source>class_mode</source>
        <translation>class_mode</translation>
    </message>
    <message>
        <source>Shuffles the single folder before validation_split cuts it</source>
        <translation>Baraja la carpeta única antes de que validation_split la divida</translation>
    </message>
    <message>
        <source>validation_split</source>
        <translation>validation_split</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Read the folder again (after adding images)</source>
        <translation>Vuelve a leer la carpeta (después de añadir imágenes)</translation>
    </message>
    <message>
        <source>Choose the data set folder</source>
        <translation>Elige la carpeta del conjunto de datos</translation>
    </message>
    <message>
        <source>Not used: the validation/ folder holds the validation images. Choose the train/ folder itself as the data set to split it instead.</source>
        <translation>No se usa: la carpeta validation/ contiene las imágenes de validación. Elige la propia carpeta train/ como conjunto de datos para dividirla.</translation>
    </message>
    <message>
        <source>Not used: the validation/ folder holds the validation images</source>
        <translation>No se usa: la carpeta validation/ contiene las imágenes de validación</translation>
    </message>
    <message>
        <source>Not used: validation_split is 0 (nothing is split off)</source>
        <translation>No se usa: validation_split es 0 (no se separa nada)</translation>
    </message>
    <message>
        <source>A 0/1 label per image, for one sigmoid unit (2 classes)</source>
        <translation>Una etiqueta 0/1 por imagen, para una unidad sigmoid (2 clases)</translation>
    </message>
    <message>
        <source>Needs exactly 2 classes; this data set has %1</source>
        <translation>Necesita exactamente 2 clases; este conjunto de datos tiene %1</translation>
    </message>
</context>
<context>
    <name>ui::DatasetSummaryPanel</name>
    <message>
        <source>Images per class</source>
        <translation>Imágenes por clase</translation>
    </message>
    <message>
        <source>No data set loaded.</source>
        <translation>No hay ningún conjunto de datos cargado.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Organización</translation>
    </message>
    <message>
        <source>grey (1 channel)</source>
        <translation>gris (1 canal)</translation>
    </message>
    <message>
        <source>RGB (3 channels)</source>
        <translation>RGB (3 canales)</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 canales</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Imágenes</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, %3%4</source>
        <translation>%1 × %2 píxeles, %3%4</translation>
    </message>
    <message>
        <source>, resized from the files</source>
        <translation>, redimensionadas desde los archivos</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Clases</translation>
    </message>
    <message>
        <source>balanced</source>
        <translation>equilibradas</translation>
    </message>
    <message>
        <source>smallest class %1 of the largest</source>
        <translation>la clase menor es el %1 de la mayor</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d88400&apos;&gt;unbalanced: smallest class %1 of the largest&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d88400&apos;&gt;desequilibradas: la clase menor es el %1 de la mayor&lt;/span&gt;</translation>
    </message>
    <message>
        <source>%1 images, %2</source>
        <translation>%1 imágenes, %2</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Omitidos</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#d88400&apos;&gt;%1 that are not readable images&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#d88400&apos;&gt;%1 que no son imágenes legibles&lt;/span&gt;</translation>
    </message>
    <message>
        <source>file</source>
        <translation>archivo</translation>
    </message>
    <message>
        <source>files</source>
        <translation>archivos</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) skipped:</source>
        <translation>
            <numerusform>%n archivo omitido:</numerusform>
            <numerusform>%n archivos omitidos:</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>y %1 más</translation>
    </message>
</context>
<context>
    <name>ui::EventUpdate</name>
    <message>
        <source>epoch %1 · checkpoint saved · %2 · %3</source>
        <translation>época %1 · checkpoint guardado · %2 · %3</translation>
    </message>
    <message>
        <source>epoch %1 · learning rate reduced to %2</source>
        <translation>época %1 · tasa de aprendizaje reducida a %2</translation>
    </message>
    <message>
        <source>epoch %1 · learning rate reduced to %2 (%3 stalled)</source>
        <translation>época %1 · tasa de aprendizaje reducida a %2 (%3 estancado)</translation>
    </message>
    <message>
        <source>epoch %1 · early stop · best %2</source>
        <translation>época %1 · parada temprana · mejor %2</translation>
    </message>
    <message>
        <source>epoch %1 · best weights restored (%2)</source>
        <translation>época %1 · mejores pesos restaurados (%2)</translation>
    </message>
    <message>
        <source>epoch %1 · %2: %3</source>
        <translation>época %1 · %2: %3</translation>
    </message>
</context>
<context>
    <name>ui::ExportTarget</name>
    <message>
        <source>%1: there is nothing to draw yet</source>
        <translation>%1: todavía no hay nada que dibujar</translation>
    </message>
    <message>
        <source>%1: the PNG could not be encoded</source>
        <translation>%1: no se pudo codificar el PNG</translation>
    </message>
    <message>
        <source>Exported from ConvStudio</source>
        <translation>Exportado desde ConvStudio</translation>
    </message>
    <message>
        <source>%1: no %2 to export yet</source>
        <translation>%1: todavía no hay %2 que exportar</translation>
    </message>
    <message>
        <source>Export %1 as PNG</source>
        <translation>Exportar %1 como PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Export %1 as SVG</source>
        <translation>Exportar %1 como SVG</translation>
    </message>
    <message>
        <source>SVG drawings (*.svg)</source>
        <translation>Dibujos SVG (*.svg)</translation>
    </message>
    <message>
        <source>Export %1 as CSV</source>
        <translation>Exportar %1 como CSV</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>Tablas CSV (*.csv)</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Exportar PNG…</translation>
    </message>
    <message>
        <source>Export SVG…</source>
        <translation>Exportar SVG…</translation>
    </message>
    <message>
        <source>Export %1 CSV…</source>
        <translation>Exportar CSV de %1…</translation>
    </message>
</context>
<context>
    <name>ui::FeatureMapPanel</name>
    <message>
        <source>Number of the image in the data set&apos;s test split</source>
        <translation>Número de la imagen en la parte de prueba del conjunto de datos</translation>
    </message>
    <message>
        <source>Open Image…</source>
        <translation>Abrir imagen…</translation>
    </message>
    <message>
        <source>Any image file; it is resized to the model&apos;s input as for training. You can also drop an image file on this page.</source>
        <translation>Cualquier archivo de imagen; se redimensiona a la entrada del modelo como para entrenar. También puedes soltar un archivo de imagen en esta página.</translation>
    </message>
    <message>
        <source>Convolve in Playground</source>
        <translation>Convolucionar en el Playground</translation>
    </message>
    <message>
        <source>Try your own kernels on this image in the Playground</source>
        <translation>Prueba tus propios kernels con esta imagen en el Playground</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>Todas las capas</translation>
    </message>
    <message>
        <source>Test image:</source>
        <translation>Imagen de prueba:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Mostrar:</translation>
    </message>
    <message>
        <source>%1 image %2 · %3</source>
        <translation>%1 imagen %2 · %3</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.pgm *.ppm *.tif *.tiff *.webp)</source>
        <translation>Imágenes (*.png *.jpg *.jpeg *.bmp *.pgm *.ppm *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>Todavía no hay modelo.</translation>
    </message>
    <message>
        <source>Pick an image: a test image by number, Open Image…, or drop a file here.</source>
        <translation>Elige una imagen: una de prueba por su número, Abrir imagen… o suelta aquí un archivo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;as the model sees it: %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;tal como la ve el modelo: %2</translation>
    </message>
    <message>
        <source>Model says: %1</source>
        <translation>El modelo dice: %1</translation>
    </message>
    <message>
        <source>Feature maps of %1</source>
        <translation>Mapas de características de %1</translation>
    </message>
    <message>
        <source>1 map of %1×%2</source>
        <translation>1 mapa de %1×%2</translation>
    </message>
    <message>
        <source>%1 maps of %2×%3</source>
        <translation>%1 mapas de %2×%3</translation>
    </message>
    <message>
        <source>%1 values</source>
        <translation>%1 valores</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 · values %4 … %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2) — %3 · valores %4 … %5</translation>
    </message>
</context>
<context>
    <name>ui::FolderClassifierPanel</name>
    <message>
        <source>Classify Folder…</source>
        <translation>Clasificar carpeta…</translation>
    </message>
    <message>
        <source>Classify every image of a folder into the table below</source>
        <translation>Clasifica todas las imágenes de una carpeta en la tabla de abajo</translation>
    </message>
    <message>
        <source>Include sub-folders</source>
        <translation>Incluir subcarpetas</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Classify a whole folder: one row per image, sortable by any column.</source>
        <translation>Clasifica una carpeta entera: una fila por imagen, ordenable por cualquier columna.</translation>
    </message>
    <message>
        <source>Double-click a row to see the image with its Grad-CAM above</source>
        <translation>Haz doble clic en una fila para ver arriba la imagen con su Grad-CAM</translation>
    </message>
    <message>
        <source> — not the current model: Classify Folder… again to use it</source>
        <translation> — no es el modelo actual: vuelve a usar Clasificar carpeta… para usarlo</translation>
    </message>
    <message>
        <source>Classify Folder</source>
        <translation>Clasificar carpeta</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>No model to classify with: train one or open a .safetensors model.</source>
        <translation>No hay modelo con el que clasificar: entrena uno o abre un modelo .safetensors.</translation>
    </message>
    <message>
        <source>Cancelled: %1 of %2 images classified</source>
        <translation>Cancelado: %1 de %2 imágenes clasificadas</translation>
    </message>
    <message>
        <source>%1 images classified</source>
        <translation>%1 imágenes clasificadas</translation>
    </message>
    <message>
        <source> (%1 could not be read)</source>
        <translation> (%1 no se pudieron leer)</translation>
    </message>
    <message>
        <source> · %1 · with %2</source>
        <translation> · %1 · con %2</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Predicted class</source>
        <translation>Clase predicha</translation>
    </message>
    <message>
        <source>Confidence</source>
        <translation>Confianza</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>ilegible</translation>
    </message>
    <message>
        <source>Nothing to export: classify a folder first.</source>
        <translation>Nada que exportar: clasifica antes una carpeta.</translation>
    </message>
    <message>
        <source>Could not export: %1</source>
        <translation>No se pudo exportar: %1</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2</source>
        <translation>Exportadas %1 filas a %2</translation>
    </message>
</context>
<context>
    <name>ui::GettingStartedPanel</name>
    <message>
        <source>&lt;b&gt;Getting started&lt;/b&gt;</source>
        <translation>&lt;b&gt;Primeros pasos&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>The course chapter by chapter, beside the pages (Help ▸ Lessons)</source>
        <translation>El curso capítulo a capítulo, junto a las páginas (Ayuda ▸ Lecciones)</translation>
    </message>
    <message>
        <source>Close this panel (Help ▸ Getting Started shows it again)</source>
        <translation>Cerrar este panel (Ayuda ▸ Primeros pasos lo vuelve a mostrar)</translation>
    </message>
    <message>
        <source>Course Preset</source>
        <translation>Modelo del curso</translation>
    </message>
    <message>
        <source>A model of the course, ready to train (File ▸ New from Course Preset)</source>
        <translation>Un modelo del curso, listo para entrenar (Archivo ▸ Nuevo desde un modelo del curso)</translation>
    </message>
    <message>
        <source>Layer Palette</source>
        <translation>Paleta de capas</translation>
    </message>
    <message>
        <source>Type a layer&apos;s name and press Return to add it</source>
        <translation>Escribe el nombre de una capa y pulsa Intro para añadirla</translation>
    </message>
    <message>
        <source>Start Training</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Train this model on the Train page (F5)</source>
        <translation>Entrena este modelo en la página Entrenar (F5)</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspeccionar</translation>
    </message>
    <message>
        <source>The kernels and feature maps of the trained model</source>
        <translation>Los núcleos y mapas de características del modelo entrenado</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Clasificar</translation>
    </message>
    <message>
        <source>Drop your own images on the trained model</source>
        <translation>Suelta tus propias imágenes sobre el modelo entrenado</translation>
    </message>
    <message>
        <source>Pick one of the course&apos;s models, or build your own: drag layers from the palette onto the arrows.</source>
        <translation>Elige uno de los modelos del curso, o construye el tuyo: arrastra capas de la paleta a las flechas.</translation>
    </message>
    <message>
        <source>Train it on the Data page&apos;s images (Fashion-MNIST for a new project) and watch the curves grow.</source>
        <translation>Entrénalo con las imágenes de la página Datos (Fashion-MNIST en un proyecto nuevo) y mira crecer las curvas.</translation>
    </message>
    <message>
        <source>Look inside: what each kernel learned, what each layer sees; then classify your own images.</source>
        <translation>Mira por dentro: qué aprendió cada núcleo, qué ve cada capa; después clasifica tus propias imágenes.</translation>
    </message>
</context>
<context>
    <name>ui::ImageDropArea</name>
    <message>
        <source>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;Drop images here&lt;/b&gt;&lt;/p&gt;&lt;p&gt;or paste one (Ctrl+V), or use &lt;i&gt;Add Images…&lt;/i&gt;&lt;br&gt;Each image shows its most probable classes and where the model looked (Grad-CAM).&lt;br&gt;Drop a folder to classify every image in it.&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;font-size:large&apos;&gt;&lt;b&gt;Suelta aquí imágenes&lt;/b&gt;&lt;/p&gt;&lt;p&gt;o pega una (Ctrl+V), o usa &lt;i&gt;Añadir imágenes…&lt;/i&gt;&lt;br&gt;Cada imagen muestra sus clases más probables y dónde miró el modelo (Grad-CAM).&lt;br&gt;Suelta una carpeta para clasificar todas sus imágenes.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::ImageViewerDialog</name>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>Acercar</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit the window</source>
        <translation>Ajustar a la ventana</translation>
    </message>
    <message>
        <source>Feature Maps</source>
        <translation>Mapas de características</translation>
    </message>
    <message>
        <source>See what every layer of the model makes of this image (the Inspect page)</source>
        <translation>Mira qué hace cada capa del modelo con esta imagen (la página Inspeccionar)</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2 #%3 · %4 × %5 px · %6</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2 #%3 · %4 × %5 px · %6</translation>
    </message>
    <message>
        <source>1 channel (grey)</source>
        <translation>1 canal (gris)</translation>
    </message>
    <message>
        <source>3 channels (RGB)</source>
        <translation>3 canales (RGB)</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 canales</translation>
    </message>
    <message>
        <source>%1 — image %2 of %3</source>
        <translation>%1 — imagen %2 de %3</translation>
    </message>
    <message>
        <source>x %1, y %2: (%3, %4, %5)</source>
        <translation>x %1, y %2: (%3, %4, %5)</translation>
    </message>
    <message>
        <source>x %1, y %2: %3</source>
        <translation>x %1, y %2: %3</translation>
    </message>
</context>
<context>
    <name>ui::InputPanel</name>
    <message>
        <source>Height: rows</source>
        <translation>Alto: filas</translation>
    </message>
    <message>
        <source>Width: columns</source>
        <translation>Ancho: columnas</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Kernel lesson 5×5</source>
        <translation>Lección del kernel 5×5</translation>
    </message>
    <message>
        <source>The 5×5 image of the lesson &quot;El kernel en acción&quot;</source>
        <translation>La imagen de 5×5 de la lección &quot;El kernel en acción&quot;</translation>
    </message>
    <message>
        <source>Pooling lesson 4×4</source>
        <translation>Lección de pooling 4×4</translation>
    </message>
    <message>
        <source>The 4×4 feature map of the lesson &quot;Capa de pooling&quot;</source>
        <translation>El mapa de características de 4×4 de la lección &quot;Capa de pooling&quot;</translation>
    </message>
    <message>
        <source>Type numbers in the cells. Click an output cell to see the window that produced it.</source>
        <translation>Escribe números en las celdas. Haz clic en una celda de salida para ver la ventana que la produjo.</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matriz</translation>
    </message>
    <message>
        <source>Open image…</source>
        <translation>Abrir imagen…</translation>
    </message>
    <message>
        <source>Or drop an image file anywhere on this page</source>
        <translation>O suelta un archivo de imagen en cualquier parte de esta página</translation>
    </message>
    <message>
        <source>Colour: each channel</source>
        <translation>Color: cada canal</translation>
    </message>
    <message>
        <source>Greyscale</source>
        <translation>Escala de grises</translation>
    </message>
    <message>
        <source>Drop an image here
or open one</source>
        <translation>Suelta aquí una imagen
o abre una</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>Imagen</translation>
    </message>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source> (scaled to %1×%2 for the playground)</source>
        <translation> (escalada a %1×%2 para el Playground)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1
%2×%3, %4</source>
        <translation>%1
%2×%3, %4</translation>
    </message>
    <message>
        <source>1 channel (grey)</source>
        <translation>1 canal (gris)</translation>
    </message>
    <message>
        <source>3 channels (R, G, B)</source>
        <translation>3 canales (R, G, B)</translation>
    </message>
</context>
<context>
    <name>ui::InspectPage</name>
    <message>
        <source>&lt;h2&gt;Nothing to inspect yet&lt;/h2&gt;&lt;p&gt;Train the model (F5 on the Train page) — its kernels and feature maps appear here after the first second and change as it learns — or open a trained &lt;tt&gt;.safetensors&lt;/tt&gt; model.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Todavía no hay nada que inspeccionar&lt;/h2&gt;&lt;p&gt;Entrena el modelo (F5 en la página Entrenar) — sus kernels y mapas de características aparecen aquí tras el primer segundo y cambian a medida que aprende — o abre un modelo entrenado &lt;tt&gt;.safetensors&lt;/tt&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Abrir modelo…</translation>
    </message>
    <message>
        <source>Scrub back through the epochs of the run</source>
        <translation>Recorre hacia atrás las épocas de la ejecución</translation>
    </message>
    <message>
        <source>Epoch 100 / 100</source>
        <translation>Época 100 / 100</translation>
    </message>
    <message>
        <source>Follow training</source>
        <translation>Seguir el entrenamiento</translation>
    </message>
    <message>
        <source>Show the newest model while training runs</source>
        <translation>Muestra el modelo más reciente mientras se entrena</translation>
    </message>
    <message>
        <source>Epoch:</source>
        <translation>Época:</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Kernels</translation>
    </message>
    <message>
        <source>Feature maps</source>
        <translation>Mapas de características</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Waiting for the first snapshot&lt;/h2&gt;&lt;p&gt;The new run&apos;s kernels and feature maps&lt;br&gt;appear about a second after its first batch.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Esperando la primera instantánea&lt;/h2&gt;&lt;p&gt;Los kernels y mapas de características de la nueva ejecución&lt;br&gt;aparecen alrededor de un segundo después de su primer lote.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>Modelo: &lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <source>no epochs</source>
        <translation>sin épocas</translation>
    </message>
    <message>
        <source>Epoch %1 / %2</source>
        <translation>Época %1 / %2</translation>
    </message>
    <message>
        <source>newest (1 epoch)</source>
        <translation>la más reciente (1 época)</translation>
    </message>
    <message>
        <source>newest (%1 epochs)</source>
        <translation>la más reciente (%1 épocas)</translation>
    </message>
</context>
<context>
    <name>ui::InteropActions</name>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;ONNX…</source>
        <translation>&amp;ONNX…</translation>
    </message>
    <message>
        <source>The current trained model as an ONNX file (OpenCV DNN, ONNX Runtime …)</source>
        <translation>El modelo entrenado actual como archivo ONNX (OpenCV DNN, ONNX Runtime …)</translation>
    </message>
    <message>
        <source>&amp;Import Model…</source>
        <translation>&amp;Importar modelo…</translation>
    </message>
    <message>
        <source>Convert an ONNX model (e.g. from torch.onnx.export) or a Keras .h5 file into a trained model</source>
        <translation>Convierte un modelo ONNX (p. ej. de torch.onnx.export) o un archivo .h5 de Keras en un modelo entrenado</translation>
    </message>
    <message>
        <source>There is no trained model to export: train one or open one first.</source>
        <translation>No hay ningún modelo entrenado que exportar: entrena o abre uno antes.</translation>
    </message>
    <message>
        <source>Export to ONNX</source>
        <translation>Exportar a ONNX</translation>
    </message>
    <message>
        <source>ONNX models (*.onnx)</source>
        <translation>Modelos ONNX (*.onnx)</translation>
    </message>
    <message>
        <source>Cannot export the model:
%1</source>
        <translation>No se puede exportar el modelo:
%1</translation>
    </message>
    <message>
        <source>Import Model</source>
        <translation>Importar modelo</translation>
    </message>
    <message>
        <source>Models (*.onnx *.h5 *.hdf5);;ONNX models (*.onnx);;Keras models (*.h5 *.hdf5);;All files (*)</source>
        <translation>Modelos (*.onnx *.h5 *.hdf5);;Modelos ONNX (*.onnx);;Modelos de Keras (*.h5 *.hdf5);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Save the Imported Model</source>
        <translation>Guardar el modelo importado</translation>
    </message>
    <message>
        <source>Trained models (*.safetensors)</source>
        <translation>Modelos entrenados (*.safetensors)</translation>
    </message>
    <message>
        <source>Cannot import this model:
%1</source>
        <translation>No se puede importar este modelo:
%1</translation>
    </message>
    <message>
        <source>holds an architecture without weights (a to_json document?): open it with File &gt; Open to edit and train it</source>
        <translation>contiene una arquitectura sin pesos (¿un documento to_json?): ábrelo con Archivo &gt; Abrir para editarlo y entrenarlo</translation>
    </message>
    <message>
        <source>&amp;PyTorch Script…</source>
        <translation>Script de &amp;PyTorch…</translation>
    </message>
    <message>
        <source>A Python training script of this project for PyTorch (GPU, many GPUs with torchrun), starting from the trained weights</source>
        <translation>Un script de Python que entrena este proyecto con PyTorch (GPU, varias GPU con torchrun), empezando por los pesos entrenados</translation>
    </message>
    <message>
        <source>There is no project to export.</source>
        <translation>No hay ningún proyecto que exportar.</translation>
    </message>
    <message>
        <source>No data set is loaded yet: the script reads the one the Data page loads.</source>
        <translation>Todavía no hay ningún conjunto de datos cargado: el script lee el que carga la página Datos.</translation>
    </message>
    <message>
        <source>Wrote %1.</source>
        <translation>Escrito %1.</translation>
    </message>
    <message>
        <source>It starts from the trained weights (%1).</source>
        <translation>Empieza por los pesos entrenados (%1).</translation>
    </message>
    <message>
        <source>It starts from fresh weights: the model on the canvas is not the trained one in memory.</source>
        <translation>Empieza con pesos nuevos: el modelo del lienzo no es el entrenado que hay en memoria.</translation>
    </message>
    <message>
        <source>Check it against ConvStudio: python3 %1 --check</source>
        <translation>Compruébalo frente a ConvStudio: python3 %1 --check</translation>
    </message>
    <message>
        <source>Train on many GPUs or machines: torchrun --nproc_per_node=N %1</source>
        <translation>Entrena en varias GPU o máquinas: torchrun --nproc_per_node=N %1</translation>
    </message>
    <message>
        <source>Export PyTorch Script</source>
        <translation>Exportar script de PyTorch</translation>
    </message>
    <message>
        <source>Python scripts (*.py)</source>
        <translation>Scripts de Python (*.py)</translation>
    </message>
    <message>
        <source>Cannot write the script:
%1</source>
        <translation>No se puede escribir el script:
%1</translation>
    </message>
</context>
<context>
    <name>ui::IssueBar</name>
    <message>
        <source> &lt;i&gt;(and %1 more)&lt;/i&gt;</source>
        <translation> &lt;i&gt;(y %1 más)&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>ui::KernelPanel</name>
    <message>
        <source>The Conv2D layer whose kernels are shown</source>
        <translation>La capa Conv2D cuyos kernels se muestran</translation>
    </message>
    <message>
        <source>Each filter has one kernel per input channel</source>
        <translation>Cada filtro tiene un kernel por canal de entrada</translation>
    </message>
    <message>
        <source>Whole layer</source>
        <translation>Toda la capa</translation>
    </message>
    <message>
        <source>Each filter</source>
        <translation>Cada filtro</translation>
    </message>
    <message>
        <source>Whole layer: filters are comparable. Each filter: weak filters show their pattern too.</source>
        <translation>Toda la capa: los filtros se pueden comparar. Cada filtro: también los filtros débiles muestran su patrón.</translation>
    </message>
    <message>
        <source>Size of each kernel picture</source>
        <translation>Tamaño de la imagen de cada kernel</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Capa:</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Canales:</translation>
    </message>
    <message>
        <source>Colour scale:</source>
        <translation>Escala de color:</translation>
    </message>
    <message>
        <source>Size:</source>
        <translation>Tamaño:</translation>
    </message>
    <message>
        <source>Kernels</source>
        <translation>Kernels</translation>
    </message>
    <message>
        <source>Each square is one weight of a kernel. A kernel is laid on every window of its input channel; the filter&apos;s output adds up all its kernels&apos; products. Hover a kernel to read its numbers.</source>
        <translation>Cada cuadrado es un peso de un kernel. El kernel se coloca sobre cada ventana de su canal de entrada; la salida del filtro suma los productos de todos sus kernels. Pasa el ratón sobre un kernel para leer sus números.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Colour scale&lt;/b&gt;</source>
        <translation>&lt;b&gt;Escala de color&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Weights of the layer&lt;/b&gt;</source>
        <translation>&lt;b&gt;Pesos de la capa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>As RGB colour</source>
        <translation>Como color RGB</translation>
    </message>
    <message>
        <source>All %1 channels</source>
        <translation>Los %1 canales</translation>
    </message>
    <message>
        <source>Channel %1</source>
        <translation>Canal %1</translation>
    </message>
    <message>
        <source>This model has no Conv2D layer: there are no kernels to show.</source>
        <translation>Este modelo no tiene ninguna capa Conv2D: no hay kernels que mostrar.</translation>
    </message>
    <message>
        <source>No model yet.</source>
        <translation>Todavía no hay modelo.</translation>
    </message>
    <message>
        <source>Kernels of %1</source>
        <translation>Kernels de %1</translation>
    </message>
    <message>
        <source>ends: each filter&apos;s own largest |w|</source>
        <translation>extremos: el |w| máximo de cada filtro</translation>
    </message>
    <message>
        <source>%1  (%2 filters → %3×%4)</source>
        <translation>%1  (%2 filtros → %3×%4)</translation>
    </message>
</context>
<context>
    <name>ui::LayerInspector</name>
    <message>
        <source>Select a layer on the canvas to edit it.</source>
        <translation>Selecciona una capa en el lienzo para editarla.</translation>
    </message>
    <message>
        <source>The layer&apos;s name: unique in the model, used in summaries and files</source>
        <translation>El nombre de la capa: único en el modelo, se usa en los resúmenes y en los archivos</translation>
    </message>
    <message>
        <source>Inputs</source>
        <translation>Entradas</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Conectar</translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation>Desconectar</translation>
    </message>
    <message>
        <source>name</source>
        <translation>name</translation>
    </message>
    <message>
        <source>trainable</source>
        <translation>trainable</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;Salida&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; none until the problem below is fixed</source>
        <translation>&lt;b&gt;Salida&lt;/b&gt; ninguna hasta que se corrija el problema de abajo</translation>
    </message>
    <message>
        <source>&lt;b&gt;Output&lt;/b&gt; unknown until the problem above this layer is fixed</source>
        <translation>&lt;b&gt;Salida&lt;/b&gt; desconocida hasta que se corrija el problema de encima de esta capa</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;b&gt;Parameters&lt;/b&gt; %1</source>
        <translation>&lt;br&gt;&lt;b&gt;Parámetros&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source> (%1 trainable)</source>
        <translation> (%1 entrenables)</translation>
    </message>
</context>
<context>
    <name>ui::LayerPalette</name>
    <message>
        <source>&lt;b&gt;Layers&lt;/b&gt;</source>
        <translation>&lt;b&gt;Capas&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Filter layers…</source>
        <translation>Filtrar capas…</translation>
    </message>
    <message>
        <source>Drag a layer onto the model. Hover one to read what it does.</source>
        <translation>Arrastra una capa al modelo. Pasa el ratón sobre una para leer qué hace.</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Convolution</source>
        <translation>Convolución</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>Core</source>
        <translation>Básicas</translation>
    </message>
    <message>
        <source>Regularisation</source>
        <translation>Regularización</translation>
    </message>
    <message>
        <source>Normalisation</source>
        <translation>Normalización</translation>
    </message>
    <message>
        <source>Activations</source>
        <translation>Activaciones</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Unión</translation>
    </message>
</context>
<context>
    <name>ui::LessonsPanel</name>
    <message>
        <source>Lesson done</source>
        <translation>Lección hecha</translation>
    </message>
    <message>
        <source>&lt; Previous</source>
        <translation>&lt; Anterior</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Siguiente &gt;</translation>
    </message>
    <message>
        <source>Try it</source>
        <translation>Pruébalo</translation>
    </message>
    <message>
        <source>The lessons could not be read: %1</source>
        <translation>No se pudieron leer las lecciones: %1</translation>
    </message>
    <message>
        <source>Course chapter</source>
        <translation>Capítulo del curso</translation>
    </message>
    <message>
        <source>Step %1: puts the window into this state (Edit &gt; Undo takes it back)</source>
        <translation>Paso %1: pone la ventana en este estado (Editar &gt; Deshacer lo revierte)</translation>
    </message>
    <message>
        <source>Step %1 done.</source>
        <translation>Paso %1 hecho.</translation>
    </message>
    <message>
        <source>Step %1 not done: %2</source>
        <translation>Paso %1 no hecho: %2</translation>
    </message>
</context>
<context>
    <name>ui::LineChart</name>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1, %2: %3</translation>
    </message>
    <message>
        <source>Reset zoom</source>
        <translation>Restablecer zoom</translation>
    </message>
    <message>
        <source>Show all the data again (double-click or Esc)</source>
        <translation>Mostrar de nuevo todos los datos (doble clic o Esc)</translation>
    </message>
    <message>
        <source>log</source>
        <translation>log</translation>
    </message>
    <message>
        <source>Logarithmic scale for the values (decades)</source>
        <translation>Escala logarítmica para los valores (décadas)</translation>
    </message>
    <message>
        <source>Logarithmic scale</source>
        <translation>Escala logarítmica</translation>
    </message>
    <message>
        <source>Drag: zoom · Shift+drag, arrow keys: pan · wheel: zoom at the pointer
Double-click, Esc: everything again · right-click: more</source>
        <translation>Arrastrar: zoom · Mayús+arrastrar, flechas: desplazar · rueda: zoom en el puntero
Doble clic, Esc: todo de nuevo · clic derecho: más</translation>
    </message>
</context>
<context>
    <name>ui::LoadedDataset</name>
    <message>
        <source>train</source>
        <translation>entrenamiento</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validación</translation>
    </message>
    <message>
        <source>test</source>
        <translation>prueba</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entrenar</translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation>Inspeccionar</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>Clasificar</translation>
    </message>
    <message>
        <source>Playground</source>
        <translation>Playground</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <source>%1, trained (1 epoch)</source>
        <translation>%1, entrenado (1 época)</translation>
    </message>
    <message>
        <source>%1, trained (%2 epochs)</source>
        <translation>%1, entrenado (%2 épocas)</translation>
    </message>
    <message>
        <source>%1, stopped during epoch %2&apos;s validation</source>
        <translation>%1, detenido durante la validación de la época %2</translation>
    </message>
    <message>
        <source>%1, stopped in epoch %2 at batch %3/%4</source>
        <translation>%1, detenido en la época %2, lote %3/%4</translation>
    </message>
    <message>
        <source>Open Trained Model</source>
        <translation>Abrir modelo entrenado</translation>
    </message>
    <message>
        <source>Trained models (*.safetensors *.onnx *.h5)</source>
        <translation>Modelos entrenados (*.safetensors *.onnx *.h5)</translation>
    </message>
    <message>
        <source>Cannot open this model:
%1</source>
        <translation>No se puede abrir este modelo:
%1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>Open &amp;Trained Model…</source>
        <translation>Abrir modelo en&amp;trenado…</translation>
    </message>
    <message>
        <source>A trained .safetensors model to inspect and classify with</source>
        <translation>Un modelo entrenado .safetensors para inspeccionarlo y clasificar con él</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportar</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>Undo History</source>
        <translation>Historial de deshacer</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Tema</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>&amp;Train</source>
        <translation>E&amp;ntrenar</translation>
    </message>
    <message>
        <source>&amp;Start Training</source>
        <translation>&amp;Iniciar entrenamiento</translation>
    </message>
    <message>
        <source>Train the model on the data set (the Train page)</source>
        <translation>Entrena el modelo con el conjunto de datos (la página Entrenar)</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pausa</translation>
    </message>
    <message>
        <source>Hold training between two batches (F6 again resumes)</source>
        <translation>Detiene el entrenamiento entre dos lotes (F6 otra vez lo reanuda)</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Reanudar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Lessons</source>
        <translation>Lecciones</translation>
    </message>
    <message>
        <source>&amp;Lessons</source>
        <translation>&amp;Lecciones</translation>
    </message>
    <message>
        <source>&amp;About ConvStudio</source>
        <translation>&amp;Acerca de ConvStudio</translation>
    </message>
    <message>
        <source>About ConvStudio</source>
        <translation>Acerca de ConvStudio</translation>
    </message>
    <message>
        <source>&lt;h3&gt;ConvStudio %1&lt;/h3&gt;&lt;p&gt;Build, train and look inside convolutional neural networks.&lt;/p&gt;&lt;p&gt;Its own CNN engine (Eigen, oneTBB, OpenCV) and Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;ConvStudio %1&lt;/h3&gt;&lt;p&gt;Construye y entrena redes neuronales convolucionales, y mira dentro de ellas.&lt;/p&gt;&lt;p&gt;Motor de CNN propio (Eigen, oneTBB, OpenCV) y Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Takes effect the next time ConvStudio starts</source>
        <translation>Se aplica la próxima vez que se inicie ConvStudio</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>The new language is used the next time ConvStudio starts.</source>
        <translation>El nuevo idioma se usará la próxima vez que se inicie ConvStudio.</translation>
    </message>
    <message>
        <source>(applied after a restart)</source>
        <translation>(se aplica al reiniciar)</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guía del usuario</translation>
    </message>
    <message>
        <source>The user guide, with pictures (works offline)</source>
        <translation>La guía del usuario, con imágenes (funciona sin conexión)</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Primeros pasos</translation>
    </message>
    <message>
        <source>The next steps panel on the Model page</source>
        <translation>El panel de próximos pasos en la página Modelo</translation>
    </message>
</context>
<context>
    <name>ui::ModelCanvas</name>
    <message>
        <source>%1 params</source>
        <translation>%1 parámetros</translation>
    </message>
    <message>
        <source>Connect input from</source>
        <translation>Conectar la entrada desde</translation>
    </message>
    <message>
        <source>Disconnect input</source>
        <translation>Desconectar la entrada</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>Eliminar %1</translation>
    </message>
    <message>
        <source>Fit to view</source>
        <translation>Ajustar a la vista</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>Tamaño real</translation>
    </message>
    <message>
        <source>Freeze This and the Layers Before It</source>
        <translation>Congelar esta capa y las anteriores</translation>
    </message>
    <message>
        <source>Their weights stay as they are while training (Keras&apos;s trainable = False); a run then starts from the weights of the model in memory</source>
        <translation>Sus pesos no cambian al entrenar (trainable = False de Keras); la ejecución empieza entonces por los pesos del modelo en memoria</translation>
    </message>
    <message>
        <source>Unfreeze All Layers</source>
        <translation>Descongelar todas las capas</translation>
    </message>
    <message>
        <source>New Classifier for This Data Set (%1 classes)</source>
        <translation>Nuevo clasificador para este conjunto de datos (%1 clases)</translation>
    </message>
    <message>
        <source>New Classifier for This Data Set</source>
        <translation>Nuevo clasificador para este conjunto de datos</translation>
    </message>
</context>
<context>
    <name>ui::ModelEditorPage</name>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <source>&amp;Actual Size</source>
        <translation>&amp;Tamaño real</translation>
    </message>
    <message>
        <source>&amp;Fit Model to View</source>
        <translation>Ajustar el modelo a la &amp;vista</translation>
    </message>
    <message>
        <source>&amp;Delete Layer</source>
        <translation>&amp;Eliminar capa</translation>
    </message>
    <message>
        <source>Drop a layer on an arrow to insert it · drag a block to move it · Del removes</source>
        <translation>Suelta una capa en una flecha para insertarla · arrastra para mover · Supr borra</translation>
    </message>
    <message>
        <source>To connect by hand (skip connections), drag from a block&apos;s bottom dot onto an Add or Concatenate block, or use its inspector&apos;s Inputs box.</source>
        <translation>Para conectar a mano (conexiones residuales), arrastra desde el punto inferior de un bloque hasta un bloque Add o Concatenate, o usa el cuadro Entradas de su inspector.</translation>
    </message>
    <message>
        <source>D&amp;uplicate Layer</source>
        <translation>D&amp;uplicar capa</translation>
    </message>
</context>
<context>
    <name>ui::ModelSnapshot</name>
    <message>
        <source>resized %1×%2 → %3</source>
        <translation>redimensionada %1×%2 → %3</translation>
    </message>
    <message>
        <source>grey</source>
        <translation>gris</translation>
    </message>
</context>
<context>
    <name>ui::OutputPanel</name>
    <message>
        <source>Playground output</source>
        <translation>Salida del Playground</translation>
    </message>
    <message>
        <source>output matrix</source>
        <translation>matriz de salida</translation>
    </message>
    <message>
        <source>row</source>
        <translation>fila</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>columna %1</translation>
    </message>
    <message>
        <source>%1 → output %2×%3</source>
        <translation>%1 → salida %2×%3</translation>
    </message>
    <message>
        <source>width (columns)</source>
        <translation>ancho (columnas)</translation>
    </message>
    <message>
        <source>height (rows)</source>
        <translation>alto (filas)</translation>
    </message>
    <message>
        <source>n: input size · k: window size · s: stride</source>
        <translation>n: tamaño de la entrada · k: tamaño de la ventana · s: paso (stride)</translation>
    </message>
    <message>
        <source>Orange cells are positive, blue negative, deeper for larger values. Click an output cell to outline the input window it comes from.</source>
        <translation>Las celdas naranjas son positivas y las azules negativas, más intensas cuanto mayor es el valor. Haz clic en una celda de salida para marcar la ventana de entrada de la que sale.</translation>
    </message>
    <message>
        <source>%1 · %2×%3</source>
        <translation>%1 · %2×%3</translation>
    </message>
    <message>
        <source>black %1 … %2 white%3
values %4 … %5</source>
        <translation>negro %1 … %2 blanco%3
valores %4 … %5</translation>
    </message>
    <message>
        <source> (0 is mid grey)</source>
        <translation> (0 es gris medio)</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
</context>
<context>
    <name>ui::PlaygroundPage</name>
    <message>
        <source>Convolution</source>
        <translation>Convolución</translation>
    </message>
    <message>
        <source>Pooling</source>
        <translation>Pooling</translation>
    </message>
    <message>
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operación</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Salida</translation>
    </message>
    <message>
        <source>No image yet: open one, or drop an image file on this page.</source>
        <translation>Todavía no hay imagen: abre una o suelta un archivo de imagen en esta página.</translation>
    </message>
    <message>
        <source>%1 input, %2</source>
        <translation>entrada %1, %2</translation>
    </message>
    <message>
        <source>1 channel</source>
        <translation>1 canal</translation>
    </message>
    <message>
        <source>%1 channels</source>
        <translation>%1 canales</translation>
    </message>
    <message>
        <source>%1 input</source>
        <translation>entrada %1</translation>
    </message>
    <message>
        <source>%1 %2 pool</source>
        <translation>pool %2 de %1</translation>
    </message>
    <message>
        <source>max</source>
        <translation>máximo</translation>
    </message>
    <message>
        <source>average</source>
        <translation>promedio</translation>
    </message>
    <message>
        <source>%1 kernel</source>
        <translation>kernel %1</translation>
    </message>
    <message>
        <source>%1, %2, stride %3</source>
        <translation>%1, %2, paso %3</translation>
    </message>
    <message>
        <source>Output row %1, column %2 = %3 comes from input rows %4–%5, columns %6–%7</source>
        <translation>Salida fila %1, columna %2 = %3 sale de las filas %4–%5 y columnas %6–%7 de la entrada</translation>
    </message>
    <message>
        <source> (the part outside is padding, left out)</source>
        <translation> (la parte de fuera es padding y no cuenta)</translation>
    </message>
    <message>
        <source> (the part outside is zero padding)</source>
        <translation> (la parte de fuera es padding de ceros)</translation>
    </message>
    <message>
        <source>; the kernel is turned 180° before it is laid on the window</source>
        <translation>; el kernel se gira 180° antes de colocarlo sobre la ventana</translation>
    </message>
    <message>
        <source>Open image</source>
        <translation>Abrir imagen</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Imágenes (%1)</translation>
    </message>
    <message>
        <source>no image: open one or drop one on the page</source>
        <translation>no hay imagen: abre una o suéltala en la página</translation>
    </message>
</context>
<context>
    <name>ui::PoolingPanel</name>
    <message>
        <source>= pool</source>
        <translation>= pool</translation>
    </message>
    <message>
        <source>same pads so that out = ceil(n / stride); padded cells never count (TensorFlow&apos;s rule)</source>
        <translation>same rellena para que salida = ceil(n / stride); las celdas de relleno nunca cuentan (la regla de TensorFlow)</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Tipo:</translation>
    </message>
    <message>
        <source>Pool size:</source>
        <translation>Tamaño del pool:</translation>
    </message>
    <message>
        <source>Stride:</source>
        <translation>Paso (stride):</translation>
    </message>
    <message>
        <source>Padding:</source>
        <translation>Relleno (padding):</translation>
    </message>
    <message>
        <source>Keeps the largest value of each window: the strongest response survives.</source>
        <translation>Se queda con el mayor valor de cada ventana: sobrevive la respuesta más fuerte.</translation>
    </message>
    <message>
        <source>Keeps the mean of each window: smoother, keeps the general level rather than the peaks.</source>
        <translation>Se queda con la media de cada ventana: más suave, conserva el nivel general en lugar de los picos.</translation>
    </message>
    <message>
        <source>Max (MaxPooling2D)</source>
        <translation>Máximo (MaxPooling2D)</translation>
    </message>
    <message>
        <source>Average (AveragePooling2D)</source>
        <translation>Promedio (AveragePooling2D)</translation>
    </message>
</context>
<context>
    <name>ui::PreprocessingPanel</name>
    <message>
        <source>Preprocessing (every split)</source>
        <translation>Preprocesado (todas las partes)</translation>
    </message>
    <message>
        <source>Rescale to [0, 1] (Keras rescale=1./255)</source>
        <translation>Reescalar a [0, 1] (rescale=1./255 de Keras)</translation>
    </message>
    <message>
        <source>Normalize to [-1, 1] (torchvision mean 0.5, std 0.5)</source>
        <translation>Normalizar a [-1, 1] (torchvision mean 0.5, std 0.5)</translation>
    </message>
    <message>
        <source>Raw pixel values 0–255</source>
        <translation>Valores de píxel sin tocar 0–255</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Personalizado</translation>
    </message>
    <message>
        <source>per channel, e.g. 0.5, 0.5, 0.5</source>
        <translation>por canal, p. ej. 0.5, 0.5, 0.5</translation>
    </message>
    <message>
        <source>rescale</source>
        <translation>rescale</translation>
    </message>
    <message>
        <source>mean</source>
        <translation>mean</translation>
    </message>
    <message>
        <source>std</source>
        <translation>std</translation>
    </message>
    <message>
        <source>A pixel of 0 enters the network as %1 and 255 as %2%3.</source>
        <translation>Un píxel de 0 entra en la red como %1 y uno de 255 como %2%3.</translation>
    </message>
    <message>
        <source> (first channel)</source>
        <translation> (primer canal)</translation>
    </message>
</context>
<context>
    <name>ui::ProbabilityBars</name>
    <message>
        <source>Click a class to see its Grad-CAM heat map</source>
        <translation>Haz clic en una clase para ver su mapa de calor Grad-CAM</translation>
    </message>
</context>
<context>
    <name>ui::ProjectActions</name>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <source>A new project: an input, a Flatten and a softmax output sized to the data set</source>
        <translation>Un proyecto nuevo: una entrada, una Flatten y una salida softmax del tamaño del conjunto de datos</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Abrir…</translation>
    </message>
    <message>
        <source>Open a project, an architecture (.json), a trained model (.safetensors), an ONNX model or a Keras model (.h5, to_json)</source>
        <translation>Abre un proyecto, una arquitectura (.json), un modelo entrenado (.safetensors), un modelo ONNX o un modelo de Keras (.h5, to_json)</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Guardar &amp;como…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <source>New from Course &amp;Preset</source>
        <translation>Nuevo desde un &amp;modelo del curso</translation>
    </message>
    <message>
        <source>Clear List</source>
        <translation>Vaciar la lista</translation>
    </message>
    <message>
        <source>%1.json</source>
        <translation>%1.json</translation>
    </message>
    <message>
        <source>Cannot open the preset</source>
        <translation>No se puede abrir el modelo del curso</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>No se puede abrir %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>ConvStudio files (*.convstudio.json *.json *.safetensors *.onnx *.h5);;Projects (*.convstudio.json);;Architectures (*.json);;Trained models (*.safetensors);;ONNX models (*.onnx);;Keras models (*.h5 *.json);;All files (*)</source>
        <translation>Archivos de ConvStudio (*.convstudio.json *.json *.safetensors *.onnx *.h5);;Proyectos (*.convstudio.json);;Arquitecturas (*.json);;Modelos entrenados (*.safetensors);;Modelos ONNX (*.onnx);;Modelos de Keras (*.h5 *.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Cannot save %1</source>
        <translation>No se puede guardar %1</translation>
    </message>
    <message>
        <source>Save Project</source>
        <translation>Guardar proyecto</translation>
    </message>
    <message>
        <source>Projects (*.convstudio.json);;All files (*)</source>
        <translation>Proyectos (*.convstudio.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>%1 has changes that are not saved.</source>
        <translation>%1 tiene cambios sin guardar.</translation>
    </message>
    <message>
        <source>The trained model (%1) is not saved either: Cancel, then Save Model… on the Train page keeps it.</source>
        <translation>El modelo entrenado (%1) tampoco está guardado: Cancelar y luego Guardar modelo… en la página Entrenar lo conserva.</translation>
    </message>
    <message>
        <source>Save changes?</source>
        <translation>¿Guardar los cambios?</translation>
    </message>
</context>
<context>
    <name>ui::ProjectDocument</name>
    <message>
        <source>Untitled (%1)</source>
        <translation>Sin título (%1)</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>Añadir %1</translation>
    </message>
    <message>
        <source>Insert %1</source>
        <translation>Insertar %1</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Quitar %1</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>Mover %1</translation>
    </message>
    <message>
        <source>Connect %1 to %2</source>
        <translation>Conectar %1 a %2</translation>
    </message>
    <message>
        <source>Disconnect %1 from %2</source>
        <translation>Desconectar %1 de %2</translation>
    </message>
    <message>
        <source>Rename %1 to %2</source>
        <translation>Renombrar %1 como %2</translation>
    </message>
    <message>
        <source>Rename the model</source>
        <translation>Renombrar el modelo</translation>
    </message>
    <message>
        <source>Choose the data set</source>
        <translation>Elegir el conjunto de datos</translation>
    </message>
    <message>
        <source>Change preprocessing</source>
        <translation>Cambiar el preprocesado</translation>
    </message>
    <message>
        <source>Change augmentation</source>
        <translation>Cambiar el aumento de datos</translation>
    </message>
    <message>
        <source>Change training settings</source>
        <translation>Cambiar los ajustes de entrenamiento</translation>
    </message>
    <message>
        <source>Freeze up to %1</source>
        <translation>Congelar hasta %1</translation>
    </message>
    <message>
        <source>Unfreeze all layers</source>
        <translation>Descongelar todas las capas</translation>
    </message>
    <message>
        <source>No data set with classes is loaded: the Data page chooses the one the new classifier is for</source>
        <translation>No hay cargado ningún conjunto de datos con clases: en la página Datos se elige aquel para el que es el nuevo clasificador</translation>
    </message>
    <message>
        <source>New classifier for %1 classes</source>
        <translation>Nuevo clasificador para %1 clases</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Duplicar %1</translation>
    </message>
    <message>
        <source>There is no layer named &apos;%1&apos;.</source>
        <translation>No hay ninguna capa llamada &apos;%1&apos;.</translation>
    </message>
    <message>
        <source>The InputLayer cannot be duplicated: a model has one.</source>
        <translation>La InputLayer no se puede duplicar: un modelo tiene una.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; merges %2 inputs: duplicate the layers of its branches instead.</source>
        <translation>&apos;%1&apos; une %2 entradas: duplica las capas de sus ramas en su lugar.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; feeds no layer: connect it before duplicating it.</source>
        <translation>&apos;%1&apos; no alimenta ninguna capa: conéctala antes de duplicarla.</translation>
    </message>
</context>
<context>
    <name>ui::ResultCard</name>
    <message>
        <source>Remove this image</source>
        <translation>Quitar esta imagen</translation>
    </message>
    <message>
        <source>Classifying…</source>
        <translation>Clasificando…</translation>
    </message>
    <message>
        <source>Heat map opacity</source>
        <translation>Opacidad del mapa de calor</translation>
    </message>
    <message>
        <source>Grad-CAM of</source>
        <translation>Grad-CAM de</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <source>Classification of %1</source>
        <translation>Clasificación de %1</translation>
    </message>
    <message>
        <source>probabilities</source>
        <translation>probabilidades</translation>
    </message>
    <message>
        <source>Could not classify %1</source>
        <translation>No se pudo clasificar %1</translation>
    </message>
    <message>
        <source>Computing the Grad-CAM of %1…</source>
        <translation>Calculando el Grad-CAM de %1…</translation>
    </message>
    <message>
        <source>Grad-CAM of %1 on %2 (%3×%4 maps)</source>
        <translation>Grad-CAM de %1 en %2 (mapas de %3×%4)</translation>
    </message>
    <message>
        <source>: nothing in this image speaks for the class</source>
        <translation>: nada en esta imagen apunta a esa clase</translation>
    </message>
    <message>
        <source>No heat map: %1</source>
        <translation>Sin mapa de calor: %1</translation>
    </message>
</context>
<context>
    <name>ui::SampleGrid</name>
    <message>
        <source>Previous page</source>
        <translation>Página anterior</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>Página siguiente</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Parte</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Clase</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Todas las clases</translation>
    </message>
    <message>
        <source>Page %1 of %2 · %3 images</source>
        <translation>Página %1 de %2 · %3 imágenes</translation>
    </message>
</context>
<context>
    <name>ui::SampleGridModel</name>
    <message>
        <source>#%1 · %2 · double-click to enlarge</source>
        <translation>#%1 · %2 · doble clic para ampliar</translation>
    </message>
</context>
<context>
    <name>ui::StatusBarWidgets</name>
    <message>
        <source>Loading %1…</source>
        <translation>Cargando %1…</translation>
    </message>
    <message>
        <source>No data set</source>
        <translation>Sin conjunto de datos</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>capas</translation>
    </message>
    <message>
        <source>parameter</source>
        <translation>parámetro</translation>
    </message>
    <message>
        <source>parameters</source>
        <translation>parámetros</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#d32f2f&apos;&gt;✖ %1 in the model&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#d32f2f&apos;&gt;✖ %1 en el modelo&lt;/span&gt;</translation>
    </message>
    <message>
        <source>problem</source>
        <translation>problema</translation>
    </message>
    <message>
        <source>problems</source>
        <translation>problemas</translation>
    </message>
    <message>
        <source> · &lt;span style=&apos;color:#d88400&apos;&gt;⚠ does not fit the data&lt;/span&gt;</source>
        <translation> · &lt;span style=&apos;color:#d88400&apos;&gt;⚠ no encaja con los datos&lt;/span&gt;</translation>
    </message>
    <message>
        <source>epoch %1/%2</source>
        <translation>época %1/%2</translation>
    </message>
    <message>
        <source>%1 img/s</source>
        <translation>%1 img/s</translation>
    </message>
</context>
<context>
    <name>ui::SummaryTable</name>
    <message>
        <source>&lt;b&gt;Summary&lt;/b&gt; — Model: &quot;%1&quot;</source>
        <translation>&lt;b&gt;Resumen&lt;/b&gt; — Modelo: &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Total params: &lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;Trainable params: %3&lt;br&gt;Non-trainable params: %4</source>
        <translation>Parámetros totales: &lt;b&gt;%1&lt;/b&gt; (%2)&lt;br&gt;Parámetros entrenables: %3&lt;br&gt;Parámetros no entrenables: %4</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#d32f2f&apos;&gt;Incomplete: %1 with a problem&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#d32f2f&apos;&gt;Incompleto: %1 con un problema&lt;/span&gt;</translation>
    </message>
    <message>
        <source>layer</source>
        <translation>capa</translation>
    </message>
    <message>
        <source>layers</source>
        <translation>capas</translation>
    </message>
</context>
<context>
    <name>ui::SummaryTableModel</name>
    <message>
        <source>Layer (type)</source>
        <translation>Capa (tipo)</translation>
    </message>
    <message>
        <source>Output Shape</source>
        <translation>Forma de salida</translation>
    </message>
    <message>
        <source>Param #</source>
        <translation>Parámetros</translation>
    </message>
    <message>
        <source>Connected to</source>
        <translation>Conectada a</translation>
    </message>
</context>
<context>
    <name>ui::TrainPage</name>
    <message>
        <source>Start</source>
        <translation>Iniciar</translation>
    </message>
    <message>
        <source>Train a fresh copy of the model with these settings (F5)</source>
        <translation>Entrena una copia nueva del modelo con estos ajustes (F5)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>Stop after the current batch; the model trained so far is kept</source>
        <translation>Se detiene tras el lote actual; se conserva el modelo entrenado hasta ahí</translation>
    </message>
    <message>
        <source>Save Model…</source>
        <translation>Guardar modelo…</translation>
    </message>
    <message>
        <source>Save the trained model as .safetensors (weights, class names, preprocessing, settings and history)</source>
        <translation>Guarda el modelo entrenado como .safetensors (pesos, nombres de clases, preprocesado, ajustes e historial)</translation>
    </message>
    <message>
        <source>Evaluate</source>
        <translation>Evaluar</translation>
    </message>
    <message>
        <source>Evaluate Model File…</source>
        <translation>Evaluar archivo…</translation>
    </message>
    <message>
        <source>Evaluate a saved .safetensors model on this data set&apos;s test split</source>
        <translation>Evalúa un modelo .safetensors guardado con la parte de prueba de este conjunto de datos</translation>
    </message>
    <message>
        <source>Not trained yet: press Start.</source>
        <translation>Aún sin entrenar: pulsa Iniciar.</translation>
    </message>
    <message>
        <source>no earlier run</source>
        <translation>ninguna ejecución anterior</translation>
    </message>
    <message>
        <source>Overlay an earlier run&apos;s loss and accuracy (dashed) to compare</source>
        <translation>Superpone la pérdida y la precisión de una ejecución anterior (a trazos) para compararlas</translation>
    </message>
    <message>
        <source>Open Best Checkpoint</source>
        <translation>Abrir el mejor checkpoint</translation>
    </message>
    <message>
        <source>Inspect and classify with the model ModelCheckpoint saved (the run chosen in Compare with, else the last run)</source>
        <translation>Inspecciona y clasifica con el modelo que guardó ModelCheckpoint (la ejecución elegida en Comparar con, si no la última)</translation>
    </message>
    <message>
        <source>Compare with:</source>
        <translation>Comparar con:</translation>
    </message>
    <message>
        <source>After training: the test split&apos;s loss, accuracy, per-class precision / recall / F1 and confusion matrix.</source>
        <translation>Tras entrenar: pérdida y precisión en la parte de prueba, precision / recall / F1 por clase y matriz de confusión.</translation>
    </message>
    <message>
        <source>Stopping after this batch…</source>
        <translation>Deteniendo tras este lote…</translation>
    </message>
    <message>
        <source>Paused in epoch %1&apos;s validation at batch %2/%3</source>
        <translation>En pausa en la validación de la época %1, lote %2/%3</translation>
    </message>
    <message>
        <source>Paused in epoch %1 after batch %2/%3</source>
        <translation>En pausa en la época %1 tras el lote %2/%3</translation>
    </message>
    <message>
        <source>epoch %1 · validating batch %2/%3</source>
        <translation>época %1 · validando el lote %2/%3</translation>
    </message>
    <message>
        <source>the model has problems (the Model page shows them)</source>
        <translation>el modelo tiene problemas (la página Modelo los muestra)</translation>
    </message>
    <message>
        <source>the data set is still loading</source>
        <translation>el conjunto de datos aún se está cargando</translation>
    </message>
    <message>
        <source>Cannot train: %1</source>
        <translation>No se puede entrenar: %1</translation>
    </message>
    <message numerus="yes">
        <source>Starting %n epoch(s)…</source>
        <translation>
            <numerusform>Empezando %n época…</numerusform>
            <numerusform>Empezando %n épocas…</numerusform>
        </translation>
    </message>
    <message>
        <source>starting</source>
        <translation>empezando</translation>
    </message>
    <message>
        <source>epoch %1/%2 · batch %3/%4 · %5 img/s · %6 left · loss %7 · accuracy %8</source>
        <translation>época %1/%2 · lote %3/%4 · %5 img/s · faltan %6 · pérdida %7 · precisión %8</translation>
    </message>
    <message>
        <source> · paused</source>
        <translation> · en pausa</translation>
    </message>
    <message>
        <source>val_accuracy %1</source>
        <translation>val_accuracy %1</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>El entrenamiento falló: %1</translation>
    </message>
    <message>
        <source>Diverged (the loss is not finite) in epoch %1</source>
        <translation>Divergió (la pérdida no es finita) en la época %1</translation>
    </message>
    <message numerus="yes">
        <source>Trained %n epoch(s)</source>
        <translation>
            <numerusform>Entrenada %n época</numerusform>
            <numerusform>Entrenadas %n épocas</numerusform>
        </translation>
    </message>
    <message>
        <source> in %1</source>
        <translation> en %1</translation>
    </message>
    <message>
        <source> · loss %1 · accuracy %2</source>
        <translation> · pérdida %1 · precisión %2</translation>
    </message>
    <message>
        <source> · val_loss %1 · val_accuracy %2</source>
        <translation> · val_loss %1 · val_accuracy %2</translation>
    </message>
    <message>
        <source>training failed</source>
        <translation>el entrenamiento falló</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>divergió</translation>
    </message>
    <message numerus="yes">
        <source>trained %n epoch(s)</source>
        <translation>
            <numerusform>entrenada %n época</numerusform>
            <numerusform>entrenadas %n épocas</numerusform>
        </translation>
    </message>
    <message>
        <source> · val_accuracy %1</source>
        <translation> · val_accuracy %1</translation>
    </message>
    <message>
        <source>run %1</source>
        <translation>ejecución %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n epoch(s)</source>
        <translation>
            <numerusform>%1, %n época</numerusform>
            <numerusform>%1, %n épocas</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped: no test evaluation (Evaluate tests the model as it is; Save Model keeps it).</source>
        <translation>Detenido: sin evaluación de prueba (Evaluar prueba el modelo tal como está; Guardar modelo lo conserva).</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>No se pudo guardar: %1</translation>
    </message>
    <message>
        <source>Save Trained Model</source>
        <translation>Guardar el modelo entrenado</translation>
    </message>
    <message>
        <source>Models (*.safetensors)</source>
        <translation>Modelos (*.safetensors)</translation>
    </message>
    <message>
        <source>Evaluate Model</source>
        <translation>Evaluar modelo</translation>
    </message>
    <message>
        <source>the trained model</source>
        <translation>el modelo entrenado</translation>
    </message>
    <message>
        <source>Evaluating %1…</source>
        <translation>Evaluando %1…</translation>
    </message>
    <message>
        <source>Evaluated %1 on %2 (%3 images): accuracy %4</source>
        <translation>Evaluado %1 con %2 (%3 imágenes): precisión %4</translation>
    </message>
    <message>
        <source>Cannot evaluate: %1</source>
        <translation>No se puede evaluar: %1</translation>
    </message>
    <message>
        <source>the data set has no test images</source>
        <translation>el conjunto de datos no tiene imágenes de prueba</translation>
    </message>
    <message>
        <source>no data set is loaded yet (the Data page chooses one)</source>
        <translation>todavía no hay ningún conjunto de datos cargado (se elige en la página Datos)</translation>
    </message>
    <message>
        <source>the model takes %1 but %2 images are %3x%4x%5</source>
        <translation>el modelo recibe %1 pero las imágenes de %2 son de %3x%4x%5</translation>
    </message>
    <message>
        <source>the model has %1 outputs but %2 has %3 classes</source>
        <translation>el modelo tiene %1 salidas pero %2 tiene %3 clases</translation>
    </message>
    <message>
        <source>the trained model takes %1 but %2 images are %3x%4x%5</source>
        <translation>el modelo entrenado recibe %1 pero las imágenes de %2 son de %3x%4x%5</translation>
    </message>
    <message>
        <source>the data set holds no images</source>
        <translation>el conjunto de datos no contiene imágenes</translation>
    </message>
    <message numerus="yes">
        <source> · %n frozen layer(s) start from fresh weights: no trained model is in memory (open or import one, or train first)</source>
        <translation>
            <numerusform> · %n capa congelada empieza con pesos nuevos: no hay ningún modelo entrenado en memoria (abre o importa uno, o entrena antes)</numerusform>
            <numerusform> · %n capas congeladas empiezan con pesos nuevos: no hay ningún modelo entrenado en memoria (abre o importa uno, o entrena antes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> · fine-tuning %1: %n layer(s) start from its weights</source>
        <translation>
            <numerusform> · ajuste fino de %1: %n capa empieza por sus pesos</numerusform>
            <numerusform> · ajuste fino de %1: %n capas empiezan por sus pesos</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n frozen</source>
        <translation>
            <numerusform>, %n congelada</numerusform>
            <numerusform>, %n congeladas</numerusform>
        </translation>
    </message>
    <message>
        <source>Evaluate the model in memory on this data set&apos;s test split (its validation images when it has none): during a run its latest snapshot, while the run goes on; after a run or a Stop the model as it ended</source>
        <translation>Evalúa el modelo en memoria con la parte de prueba de este conjunto de datos (sus imágenes de validación si no la tiene): durante un entrenamiento, su última instantánea, mientras el entrenamiento sigue; tras terminar o tras Detener, el modelo tal como quedó</translation>
    </message>
    <message>
        <source>Stopped: no test evaluation of the final model (Evaluate tests it as it is). Shown below: the evaluation made during the run.

</source>
        <translation>Detenido: no hay evaluación de prueba del modelo final (Evaluar lo prueba tal como está). Abajo: la evaluación hecha durante el entrenamiento.

</translation>
    </message>
    <message>
        <source>%1 of run %2 (still training)</source>
        <translation>%1 del entrenamiento %2 (aún entrenando)</translation>
    </message>
    <message>
        <source>Evaluated %1:</source>
        <translation>Evaluado %1:</translation>
    </message>
    <message>
        <source>validation split: %1 images
validation loss %2 · validation accuracy %3

</source>
        <translation>Imágenes de validación: %1
pérdida de validación %2 · precisión de validación %3

</translation>
    </message>
    <message>
        <source>test split: %1 images
test loss %2 · test accuracy %3

</source>
        <translation>Imágenes de prueba: %1
pérdida de prueba %2 · precisión de prueba %3

</translation>
    </message>
</context>
<context>
    <name>ui::TrainingCharts</name>
    <message>
        <source>Loss</source>
        <translation>Pérdida</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>época</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>pérdida</translation>
    </message>
    <message>
        <source>Accuracy</source>
        <translation>Precisión</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>precisión</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Tasa de aprendizaje</translation>
    </message>
    <message>
        <source>learning rate</source>
        <translation>tasa de aprendizaje</translation>
    </message>
    <message>
        <source>No callback events yet: early stopping, saved checkpoints and learning-rate reductions are listed here with their epoch.</source>
        <translation>Aún no hay eventos de callbacks: aquí se listan con su época las paradas tempranas, los checkpoints guardados y las reducciones de la tasa de aprendizaje.</translation>
    </message>
    <message>
        <source>Callback events</source>
        <translation>Eventos de callbacks</translation>
    </message>
    <message>
        <source>Loss chart</source>
        <translation>Gráfico de pérdida</translation>
    </message>
    <message>
        <source>Accuracy chart</source>
        <translation>Gráfico de precisión</translation>
    </message>
    <message>
        <source>Learning-rate chart</source>
        <translation>Gráfico de la tasa de aprendizaje</translation>
    </message>
    <message>
        <source>history</source>
        <translation>historial</translation>
    </message>
    <message>
        <source>Learning rate: %1, constant so far.</source>
        <translation>Tasa de aprendizaje: %1, constante hasta ahora.</translation>
    </message>
    <message>
        <source>Learning rate: shown when a run starts.</source>
        <translation>Tasa de aprendizaje: se muestra al empezar una ejecución.</translation>
    </message>
    <message>
        <source>No callback fired in this run.</source>
        <translation>Ninguna callback se activó en este entrenamiento.</translation>
    </message>
    <message>
        <source>training</source>
        <comment>legend</comment>
        <translation>entren.</translation>
    </message>
    <message>
        <source>validation</source>
        <comment>legend</comment>
        <translation>valid.</translation>
    </message>
    <message>
        <source>per batch</source>
        <comment>legend</comment>
        <translation>por lote</translation>
    </message>
    <message>
        <source>earlier run train</source>
        <comment>legend</comment>
        <translation>anterior entren.</translation>
    </message>
    <message>
        <source>earlier run val</source>
        <comment>legend</comment>
        <translation>anterior valid.</translation>
    </message>
    <message>
        <source>run %1</source>
        <comment>legend</comment>
        <translation>ejec. %1</translation>
    </message>
    <message>
        <source>earlier run</source>
        <comment>legend</comment>
        <translation>anterior</translation>
    </message>
    <message>
        <source>%1 train</source>
        <comment>legend</comment>
        <translation>%1 entren.</translation>
    </message>
    <message>
        <source>%1 val</source>
        <comment>legend</comment>
        <translation>%1 valid.</translation>
    </message>
</context>
<context>
    <name>ui::TrainingController</name>
    <message>
        <source>epoch %1, %2% done (live)</source>
        <translation>época %1, %2 % hecho (en vivo)</translation>
    </message>
    <message>
        <source>epoch %1</source>
        <translation>época %1</translation>
    </message>
</context>
<context>
    <name>ui::TrainingSettingsPanel</name>
    <message>
        <source>Optimizer and loss</source>
        <translation>Optimizador y pérdida</translation>
    </message>
    <message>
        <source>optimizer</source>
        <translation>optimizer</translation>
    </message>
    <message>
        <source>learning_rate</source>
        <translation>learning_rate</translation>
    </message>
    <message>
        <source>momentum</source>
        <translation>momentum</translation>
    </message>
    <message>
        <source>nesterov</source>
        <translation>nesterov</translation>
    </message>
    <message>
        <source>auto (from the output layer)</source>
        <translation>auto (según la capa de salida)</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>loss</translation>
    </message>
    <message>
        <source>fit()</source>
        <translation>fit()</translation>
    </message>
    <message>
        <source>epochs</source>
        <translation>epochs</translation>
    </message>
    <message>
        <source>batch_size</source>
        <translation>batch_size</translation>
    </message>
    <message>
        <source>validation_split</source>
        <translation>validation_split</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>seed</translation>
    </message>
    <message>
        <source>every core (%1)</source>
        <translation>todos los núcleos (%1)</translation>
    </message>
    <message>
        <source>all but one (%1): keeps one for the window</source>
        <translation>todos menos uno (%1): deja uno para la ventana</translation>
    </message>
    <message>
        <source>threads</source>
        <translation>hilos</translation>
    </message>
    <message>
        <source>EarlyStopping</source>
        <translation>EarlyStopping</translation>
    </message>
    <message>
        <source>monitor</source>
        <translation>monitor</translation>
    </message>
    <message>
        <source>min_delta</source>
        <translation>min_delta</translation>
    </message>
    <message>
        <source>patience</source>
        <translation>patience</translation>
    </message>
    <message>
        <source>restore_best_weights</source>
        <translation>restore_best_weights</translation>
    </message>
    <message>
        <source>ModelCheckpoint</source>
        <translation>ModelCheckpoint</translation>
    </message>
    <message>
        <source>filepath</source>
        <translation>filepath</translation>
    </message>
    <message>
        <source>save_best_only</source>
        <translation>save_best_only</translation>
    </message>
    <message>
        <source>ReduceLROnPlateau</source>
        <translation>ReduceLROnPlateau</translation>
    </message>
    <message>
        <source>factor</source>
        <translation>factor</translation>
    </message>
    <message>
        <source>min_lr</source>
        <translation>min_lr</translation>
    </message>
    <message>
        <source>Not used with image folders: their validation/ folder is the validation data, or the Data page&apos;s validation_split cuts a single folder</source>
        <translation>No se usa con carpetas de imágenes: su carpeta validation/ son los datos de validación, o el validation_split de la página Datos divide una carpeta única</translation>
    </message>
    <message>
        <source>This last fraction of the training set validates (taken before shuffling, as Keras does)</source>
        <translation>Esta última fracción del conjunto de entrenamiento sirve para validar (se toma antes de barajar, como hace Keras)</translation>
    </message>
    <message>
        <source>%1 is outside %2 – %3: the learning rate is %4</source>
        <translation>%1 está fuera de %2 – %3: la tasa de aprendizaje es %4</translation>
    </message>
    <message>
        <source>Only %1 uses %2; the optimizer is %3</source>
        <translation>Solo %1 usa %2; el optimizador es %3</translation>
    </message>
</context>
<context>
    <name>ui::UserGuideWindow</name>
    <message>
        <source>User Guide</source>
        <translation>Guía del usuario</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Atrás</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
</context>
<context>
    <name>ui::WeightHistogram</name>
    <message>
        <source>Weight histogram</source>
        <translation>Histograma de pesos</translation>
    </message>
    <message>
        <source>histogram</source>
        <translation>histograma</translation>
    </message>
    <message>
        <source>%1 weights, mean %2, standard deviation %3</source>
        <translation>%1 pesos, media %2, desviación típica %3</translation>
    </message>
    <message>
        <source>No weights</source>
        <translation>Sin pesos</translation>
    </message>
    <message>
        <source>%1 — mean %2, std %3</source>
        <translation>%1 — media %2, desv. %3</translation>
    </message>
</context>
</TS>
