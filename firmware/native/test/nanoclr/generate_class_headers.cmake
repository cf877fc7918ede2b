# Writes the class headers the nanoFramework metadata processor would generate for the
# InternalCall externs of dsp/MixBox.Dsp/<Class>.Device.cs (its ClassHeaderTemplate in
# MetadataProcessor.Shared/SkeletonGenerator/SkeletonTemplates.cs: namespace
# <RootNamespace> { namespace <ProjectName> { struct <Class> { static <ret> <Name>(<params>,
# HRESULT &hr); }; } }), so the device compile check sees the glue against the C# as it is.
# Type mapping as tests/MixBox.Device.Tests/InteropConsistencyTests.cs: int -> signed int,
# int[] -> CLR_RT_TypedArray_INT32, byte[] -> CLR_RT_TypedArray_UINT8.
#
# cmake -DCS_DIR=<dsp/MixBox.Dsp> -DOUT_DIR=<dir> -DCLASSES="NativeEngine;NativeAudio;NativeSettings" -P generate_class_headers.cmake
foreach(class ${CLASSES})
    file(READ "${CS_DIR}/${class}.Device.cs" source)
    string(REGEX MATCHALL "private static extern [a-z]+ [A-Za-z0-9_]+\\([^)]*\\)" externs "${source}")
    if(NOT externs)
        message(FATAL_ERROR "no InternalCall externs in ${CS_DIR}/${class}.Device.cs")
    endif()
    # (matched without the closing ";", which would split a CMake list)
    set(declarations "")
    foreach(e ${externs})
        string(REGEX REPLACE "private static extern ([a-z]+) ([A-Za-z0-9_]+)\\(([^)]*)\\)" "\\1" ret "${e}")
        string(REGEX REPLACE "private static extern ([a-z]+) ([A-Za-z0-9_]+)\\(([^)]*)\\)" "\\2" name "${e}")
        string(REGEX REPLACE "private static extern ([a-z]+) ([A-Za-z0-9_]+)\\(([^)]*)\\)" "\\3" params "${e}")
        if(NOT ret STREQUAL "int")
            message(FATAL_ERROR "${class}.${name}: return type ${ret} not mapped")
        endif()
        set(args "")
        set(index 0)
        if(NOT params STREQUAL "")
            string(REPLACE "," ";" param_list "${params}")
            foreach(p ${param_list})
                string(STRIP "${p}" p)
                string(REGEX REPLACE " .*" "" type "${p}")
                if(type STREQUAL "int")
                    set(native "signed int")
                elseif(type STREQUAL "int[]")
                    set(native "CLR_RT_TypedArray_INT32")
                elseif(type STREQUAL "byte[]")
                    set(native "CLR_RT_TypedArray_UINT8")
                else()
                    message(FATAL_ERROR "${class}.${name}: parameter type ${type} not mapped")
                endif()
                string(APPEND args "${native} param${index}, ")
                math(EXPR index "${index} + 1")
            endforeach()
        endif()
        string(APPEND declarations "            static signed int ${name}( ${args}HRESULT &hr );\n")
    endforeach()
    string(TOUPPER "MIXBOX_DSP_MIXBOX_DSP_${class}_H" guard)
    file(WRITE "${OUT_DIR}/MixBox_Dsp_MixBox_Dsp_${class}.h.new"
"// Generated from ${class}.Device.cs by firmware/native/test/nanoclr/generate_class_headers.cmake
// (stand-in for the metadata processor's class header; test only).
#ifndef ${guard}
#define ${guard}

namespace MixBox_Dsp
{
    namespace MixBox_Dsp
    {
        struct ${class}
        {
${declarations}        };
    }
}

#endif // ${guard}
")
    file(COPY_FILE "${OUT_DIR}/MixBox_Dsp_MixBox_Dsp_${class}.h.new" "${OUT_DIR}/MixBox_Dsp_MixBox_Dsp_${class}.h" ONLY_IF_DIFFERENT)
    file(REMOVE "${OUT_DIR}/MixBox_Dsp_MixBox_Dsp_${class}.h.new")
endforeach()
