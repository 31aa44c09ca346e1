// Drag and drop for the ranking, as Svelte attachments: a card is dragged by its completion index,
// a drop target says where in the ranking it lands. (The keyboard does all of this too.)
import type { Attachment } from 'svelte/attachments';

const TYPE = 'application/x-rlhf-completion';

export function dragSource(index: number): Attachment<HTMLElement> {
  return (node) => {
    node.draggable = true;
    const start = (e: DragEvent) => {
      e.dataTransfer?.setData(TYPE, String(index));
      e.dataTransfer?.setData('text/plain', String(index + 1));
      if (e.dataTransfer) e.dataTransfer.effectAllowed = 'move';
    };
    node.addEventListener('dragstart', start);
    return () => node.removeEventListener('dragstart', start);
  };
}

/** Calls `drop(index)` with the dragged completion; highlights the target while over it. */
export function dropTarget(drop: (index: number) => void): Attachment<HTMLElement> {
  return (node) => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes(TYPE)) return;
      e.preventDefault();
      e.stopPropagation();
      node.classList.add('drop-over');
    };
    const leave = () => node.classList.remove('drop-over');
    const onDrop = (e: DragEvent) => {
      const index = Number(e.dataTransfer?.getData(TYPE));
      leave();
      if (!e.dataTransfer?.types.includes(TYPE) || !Number.isInteger(index)) return;
      e.preventDefault();
      e.stopPropagation();
      drop(index);
    };
    node.addEventListener('dragover', over);
    node.addEventListener('dragleave', leave);
    node.addEventListener('drop', onDrop);
    return () => {
      node.removeEventListener('dragover', over);
      node.removeEventListener('dragleave', leave);
      node.removeEventListener('drop', onDrop);
    };
  };
}
