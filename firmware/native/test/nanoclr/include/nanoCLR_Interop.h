//
// nanoCLR_Interop.h - declaration stand-in (test only) for what the MixBox interop glue
// (firmware/native/MixBox_Dsp_MixBox_Dsp_*.cpp) uses of nf-interpreter's
// src/CLR/Include/nanoCLR_Interop.h and src/CLR/Include/nf_errors_exceptions.h
// (nanoframework/nf-interpreter main @ a3e8139a1ba778e33ca81b023099765eada6c456, the tree
// that pins ESP-IDF 5.5.4: targets/ESP32/CMakeLists.txt:50). Declarations only: the
// members the glue calls, with the real names and types.
//
#ifndef NANOCLR_INTEROP_H
#define NANOCLR_INTEROP_H

#include <stddef.h>

// nf_errors_exceptions.h:12
typedef int HRESULT;

// nanoCLR_Interop.h:230-329: a managed array as the marshaller hands it to a stub.
template <class T> class CLR_RT_TypedArray
{
    T *m_pData;
    unsigned int m_ElemCount;

  public:
    CLR_RT_TypedArray();           // :299
    T GetValue(unsigned int i);    // :305
    T &operator[](unsigned int i); // :313
    unsigned int GetSize();        // :318
    T *GetBuffer();                // :325
};

typedef CLR_RT_TypedArray<unsigned char> CLR_RT_TypedArray_UINT8; // :332
typedef CLR_RT_TypedArray<signed int> CLR_RT_TypedArray_INT32;    // :338

#endif // NANOCLR_INTEROP_H
