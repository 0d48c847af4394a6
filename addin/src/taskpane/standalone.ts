// Outside Office: drop (or choose) a .docx, see the findings, save the
// annotated copy. The file is read in the browser and never sent anywhere.

export function setUpDropZone(zone: HTMLElement, input: HTMLInputElement, onFile: (file: File) => void) {
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) onFile(file);
  });
  const stop = (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
  };
  for (const type of ["dragenter", "dragover"] as const) {
    zone.addEventListener(type, (e) => {
      stop(e);
      if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      zone.classList.add("dragging");
    });
  }
  zone.addEventListener("dragleave", (e) => {
    stop(e);
    zone.classList.remove("dragging");
  });
  zone.addEventListener("drop", (e) => {
    stop(e);
    zone.classList.remove("dragging");
    const file = e.dataTransfer?.files?.[0];
    if (file) onFile(file);
  });
  // A file dropped anywhere else on the page must not navigate away from it.
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
}

export async function readFile(file: File): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

/** Offers bytes as a download, through a Blob URL (no request leaves the page). */
export function download(bytes: Uint8Array, fileName: string) {
  const type = isZip(bytes)
    ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    : "application/xml";
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.rel = "noopener";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** "plan.docx" -> "plan (reviewed).docx"; flat OPC gets ".xml". */
export function annotatedName(original: string, bytes: Uint8Array): string {
  const base = (original || "plan").replace(/\.(docx|docm|dotx|dotm|xml)$/i, "");
  const ext = isZip(bytes) ? (original.match(/\.(docx|docm|dotx|dotm)$/i)?.[0] ?? ".docx") : ".xml";
  return `${base} (reviewed)${ext}`;
}
