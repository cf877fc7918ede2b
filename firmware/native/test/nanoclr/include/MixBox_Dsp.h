//
// MixBox_Dsp.h - stand-in (test only) for the assembly header the nanoFramework metadata
// processor generates for MixBox.Dsp (nanoframework/metadata-processor
// MetadataProcessor.Shared/SkeletonGenerator/SkeletonTemplates.cs, AssemblyHeaderTemplate:
// it includes <nanoCLR_Interop.h>, <nanoCLR_Runtime.h>, <nanoPackStruct.h> and declares the
// Library_* method tables). The glue needs only the interop types from it.
//
#ifndef MIXBOX_DSP_H
#define MIXBOX_DSP_H

#include <nanoCLR_Interop.h>

#endif // MIXBOX_DSP_H
