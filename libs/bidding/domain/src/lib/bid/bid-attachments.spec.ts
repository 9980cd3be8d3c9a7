/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { excelWorkbook, pdfDocument, wordDocument, zipArchive } from '@tendril/shared/testing';
import { createHash } from 'node:crypto';
import { AFTER_DEADLINE, at, BEFORE_DEADLINE, bidder, bidderColleague, bidSubmitted, commissioner, DEADLINE, rivalBidder } from '../testing/bidding.spec-fixtures';
import { DEFAULT_MAX_ATTACHMENT_BYTES, detectDocumentTypes, EXCEL, EXCEL_97, MAX_ATTACHMENTS_PER_BID, PDF, WORD, WORD_97, type AttachmentFile } from './bid-attachments';
import type { AddBidAttachment, RemoveBidAttachment } from './bid.commands';
import { bidDecider } from './bid.decider';
import type { BidAttachmentAdded, BidAttachmentRemoved, BidEvent, BidWithdrawn } from './bid.events';

const spec = DeciderSpecification.for(bidDecider);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const pdf = pdfDocument('Method statement');
const fileOf = (bytes: Buffer, fileName: string, contentType: string): AttachmentFile => ({
  fileName,
  contentType,
  sizeBytes: bytes.length,
  sha256: sha(bytes),
  detectedContentTypes: detectDocumentTypes(bytes),
});
const methodStatement = fileOf(pdf, 'Method statement.pdf', PDF);

const attach = (
  file: AttachmentFile = methodStatement,
  options: { actor?: Actor; now?: string; attachmentId?: string; replaces?: string | null; maxBytes?: number; currentSubmissionDeadline?: string } = {},
): AddBidAttachment => ({
  type: 'AddBidAttachment',
  data: {
    bidId: 'bid-1',
    attachmentId: options.attachmentId ?? 'att-1',
    file,
    maxBytes: options.maxBytes ?? DEFAULT_MAX_ATTACHMENT_BYTES,
    replacesAttachmentId: options.replaces ?? null,
    ...(options.currentSubmissionDeadline ? { currentSubmissionDeadline: options.currentSubmissionDeadline } : {}),
  },
  metadata: at(options.now ?? BEFORE_DEADLINE, options.actor ?? bidder),
});
const added = (attachmentId = 'att-1', file: AttachmentFile = methodStatement): BidAttachmentAdded => ({
  type: 'BidAttachmentAdded',
  data: { bidId: 'bid-1', attachmentId, fileName: file.fileName, contentType: file.contentType, sizeBytes: file.sizeBytes, sha256: file.sha256, addedAt: BEFORE_DEADLINE },
});
const remove = (attachmentId = 'att-1', actor: Actor = bidder, now = BEFORE_DEADLINE): RemoveBidAttachment => ({
  type: 'RemoveBidAttachment',
  data: { bidId: 'bid-1', attachmentId },
  metadata: at(now, actor),
});
const removed = (attachmentId = 'att-1', sha256 = methodStatement.sha256): BidAttachmentRemoved => ({
  type: 'BidAttachmentRemoved',
  data: { bidId: 'bid-1', attachmentId, sha256, removedAt: BEFORE_DEADLINE },
});

describe('Bid documents', () => {
  describe('recognised by their own bytes', () => {
    it('knows a PDF, a Word document and an Excel workbook by their signatures and package contents', () => {
      expect(detectDocumentTypes(pdf)).toEqual([PDF]);
      expect(detectDocumentTypes(wordDocument('Our approach'))).toEqual([WORD]);
      expect(detectDocumentTypes(excelWorkbook([['Item', 'Price'], ['Youth worker', 32000]]))).toEqual([EXCEL]);
      expect(detectDocumentTypes(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]))).toEqual([WORD_97, EXCEL_97]);
    });

    it('knows nothing else: plain text, an executable, a ZIP that is not an Office file, a truncated package', () => {
      expect(detectDocumentTypes(Buffer.from('Just some words'))).toEqual([]);
      expect(detectDocumentTypes(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03]))).toEqual([]);
      expect(detectDocumentTypes(zipArchive({ 'payload.exe': 'MZ' }))).toEqual([]);
      const word = wordDocument('Cut short');
      expect(detectDocumentTypes(word.subarray(0, word.length - 30))).toEqual([]);
    });
  });

  describe('when attached', () => {
    it('records the hash, name, type and size in the bid’s event', () => {
      spec.given([bidSubmitted]).when(attach()).then([added()]);
    });

    it('may be attached by any member of the bidding organisation, and a Word or Excel file as well as a PDF', () => {
      const workbook = fileOf(excelWorkbook([['Cost', 100]]), 'Pricing schedule.xlsx', EXCEL);
      spec.given([bidSubmitted]).when(attach(workbook, { actor: bidderColleague, attachmentId: 'att-2' })).then([added('att-2', workbook)]);
    });

    it('trims the file name and refuses names that are empty, too long, or contain slashes or control characters', () => {
      spec.given([bidSubmitted]).when(attach({ ...methodStatement, fileName: '  Method statement.pdf ' })).then([added()]);
      for (const fileName of [' ', '../../etc/passwd', 'a\\b.pdf', 'line\nbreak.pdf', `${'x'.repeat(201)}.pdf`]) {
        spec.given([bidSubmitted]).when(attach({ ...methodStatement, fileName })).thenThrows('ATTACHMENT_NAME_INVALID');
      }
    });

    it('refuses a file over the size cap, saying how large it is and what the cap is', () => {
      spec
        .given([bidSubmitted])
        .when(attach(methodStatement, { maxBytes: methodStatement.sizeBytes - 1 }))
        .thenThrows('ATTACHMENT_TOO_LARGE', { fileName: 'Method statement.pdf', sizeBytes: methodStatement.sizeBytes, maxBytes: methodStatement.sizeBytes - 1 });
      spec.given([bidSubmitted]).when(attach(methodStatement, { maxBytes: methodStatement.sizeBytes })).then([added()]);
      spec.given([bidSubmitted]).when(attach({ ...methodStatement, sizeBytes: 0 })).thenThrows('ATTACHMENT_EMPTY');
    });

    it('refuses a type off the allow-list, and a file whose content is not what its type says', () => {
      spec.given([bidSubmitted]).when(attach({ ...methodStatement, contentType: 'text/html' })).thenThrows('ATTACHMENT_TYPE_NOT_ALLOWED');
      spec.given([bidSubmitted]).when(attach({ ...methodStatement, contentType: 'application/x-msdownload' })).thenThrows('ATTACHMENT_TYPE_NOT_ALLOWED');
      const script = fileOf(Buffer.from('#!/bin/sh\nrm -rf /'), 'Method statement.pdf', PDF);
      spec.given([bidSubmitted]).when(attach(script)).thenThrows('ATTACHMENT_CONTENT_DOES_NOT_MATCH_TYPE');
      spec.given([bidSubmitted]).when(attach({ ...methodStatement, contentType: WORD })).thenThrows('ATTACHMENT_CONTENT_DOES_NOT_MATCH_TYPE');
    });

    it('refuses the same document twice on one bid, and more than the per-bid limit', () => {
      spec.given([bidSubmitted, added()]).when(attach(methodStatement, { attachmentId: 'att-2' })).thenThrows('ATTACHMENT_ALREADY_ON_BID', { attachmentId: 'att-1' });
      const many: BidEvent[] = Array.from({ length: MAX_ATTACHMENTS_PER_BID }, (_, i) => added(`att-${i}`, { ...methodStatement, sha256: String(i).padStart(64, '0') }));
      spec.given([bidSubmitted, ...many]).when(attach(methodStatement, { attachmentId: 'att-new' })).thenThrows('BID_ATTACHMENT_LIMIT_REACHED');
    });

    it('is sealed like the bid: only the bidding organisation may attach, and only before the deadline', () => {
      spec.given([bidSubmitted]).when(attach(methodStatement, { actor: rivalBidder })).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
      spec.given([bidSubmitted]).when(attach(methodStatement, { actor: commissioner })).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
      spec.given([bidSubmitted]).when(attach(methodStatement, { now: DEADLINE })).thenThrows('TENDER_DEADLINE_PASSED');
      const withdrawn: BidWithdrawn = {
        type: 'BidWithdrawn',
        data: { bidId: 'bid-1', tenderId: 'tender-1', lotId: 'lot-north', organisationId: 'org-youth-trust', withdrawnAt: BEFORE_DEADLINE },
      };
      spec.given([bidSubmitted, withdrawn]).when(attach()).thenThrows('BID_WITHDRAWN');
      spec.given([]).when(attach()).thenThrows('BID_NOT_FOUND');
    });

    it('may still be attached after the original deadline when the tender extended it', () => {
      spec
        .given([bidSubmitted])
        .when(attach(methodStatement, { now: AFTER_DEADLINE, currentSubmissionDeadline: '2026-03-15T12:00:00.000Z' }))
        .then([{ ...added(), data: { ...added().data, addedAt: AFTER_DEADLINE } }]);
    });
  });

  describe('when replaced or removed', () => {
    const contract = fileOf(wordDocument('Revised method statement'), 'Method statement v2.docx', WORD);

    it('replaces a document in one decision: the old one removed, the new one added', () => {
      spec.given([bidSubmitted, added()]).when(attach(contract, { attachmentId: 'att-2', replaces: 'att-1' })).then([removed(), added('att-2', contract)]);
    });

    it('may re-attach the very document it replaces', () => {
      spec.given([bidSubmitted, added()]).when(attach(methodStatement, { attachmentId: 'att-2', replaces: 'att-1' })).then([removed(), added('att-2')]);
    });

    it('removes a document, and refuses one the bid does not have', () => {
      spec.given([bidSubmitted, added()]).when(remove()).then([removed()]);
      spec.given([bidSubmitted, added(), removed()]).when(remove()).thenThrows('ATTACHMENT_NOT_FOUND');
      spec.given([bidSubmitted]).when(attach(contract, { replaces: 'att-9' })).thenThrows('ATTACHMENT_NOT_FOUND');
    });

    it('cannot be removed or replaced after the deadline, nor by anyone else', () => {
      spec.given([bidSubmitted, added()]).when(remove('att-1', bidder, DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
      spec.given([bidSubmitted, added()]).when(attach(contract, { attachmentId: 'att-2', replaces: 'att-1', now: AFTER_DEADLINE })).thenThrows('TENDER_DEADLINE_PASSED');
      spec.given([bidSubmitted, added()]).when(remove('att-1', rivalBidder)).thenThrows('NOT_A_MEMBER_OF_THE_BIDDING_ORGANISATION');
    });
  });
});
