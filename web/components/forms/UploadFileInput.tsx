"use client";

interface UploadFileInputProps {
  label: string;
  accept: string;
  disabled: boolean;
  onFile: (file: File) => void;
}

/** A file input whose pick starts the upload at once; it clears itself, so the same file can be picked again. */
export function UploadFileInput({ label, accept, disabled, onFile }: UploadFileInputProps) {
  return (
    <label>
      {label}{" "}
      <input
        type="file"
        accept={accept}
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = "";
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
