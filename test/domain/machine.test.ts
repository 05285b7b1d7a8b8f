import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { defineMachine, each, NEW, stays } from '../../src/domain/machine.js';
import {
  complaintMachine,
  complaintStatuses,
  isOpen,
} from '../../src/features/complaints/machine.js';
import {
  isPublicWish,
  publicWishStatuses,
  wishMachine,
  wishStatuses,
} from '../../src/features/wishes/machine.js';

// A door: a small machine that uses every part of the form.
const door = defineMachine({
  statuses: ['closed', 'open', 'locked'] as const,
  transitions: {
    build: { [NEW]: 'closed' },
    open: { closed: 'open' },
    close: { open: 'closed' },
    lock: { closed: 'locked' },
    knock: stays(['closed', 'locked']),
    break: each(['closed', 'locked'], 'open'),
  },
  sets: { shut: ['closed', 'locked'] },
});

describe('the state-machine form', () => {
  it('leads each action from → to, creating from no status', () => {
    assert.equal(door.next(undefined, 'build'), 'closed');
    assert.equal(door.next('closed', 'open'), 'open');
    assert.equal(door.next('locked', 'break'), 'open');
    assert.equal(door.next('locked', 'knock'), 'locked');
    assert.equal(door.target('open', 'lock'), undefined);
  });
  it('throws invalid_transition (409) for an action not allowed from the status', () => {
    const error = (() => {
      try {
        door.next('open', 'lock');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(error instanceof DomainError, String(error));
    assert.equal(error.code, 'invalid_transition');
    assert.equal(error.status, 409);
    assert.throws(() => door.next('closed', 'build'), DomainError, 'created only once');
    assert.throws(() => door.next(undefined, 'open'), DomainError, 'nothing to open yet');
  });
  it('can() agrees with next(), and from() lists where an action may start', () => {
    for (const status of [undefined, ...door.statuses]) {
      for (const action of Object.keys(door.transitions) as (keyof typeof door.transitions)[]) {
        assert.equal(door.can(status, action), door.target(status, action) !== undefined);
      }
    }
    assert.deepEqual(door.from('break'), ['closed', 'locked']);
    assert.deepEqual(door.from('build'), [], 'creation starts from no status');
  });
  it('names subsets of statuses once', () => {
    assert.deepEqual(door.sets.shut, ['closed', 'locked']);
    assert.equal(door.is('shut', 'locked'), true);
    assert.equal(door.is('shut', 'open'), false);
  });
});

describe('the features’ machines in the form', () => {
  it('complaints: open = received, assigned, in progress', () => {
    assert.deepEqual(complaintMachine.sets.open, ['received', 'assigned', 'in_progress']);
    assert.deepEqual(
      complaintStatuses.filter((s) => isOpen(s)),
      complaintMachine.sets.open,
    );
    // Open cases are exactly those whose deadline may be extended or that may be transferred.
    assert.deepEqual(complaintMachine.from('extend'), complaintMachine.sets.open);
    assert.deepEqual(complaintMachine.from('transfer'), complaintMachine.sets.open);
    assert.throws(() => complaintMachine.next('rated', 'reopen'), DomainError);
  });
  it('wishes: the public wall shows approved wishes, never pending, rejected or withdrawn ones', () => {
    assert.deepEqual(wishMachine.sets.public, publicWishStatuses);
    assert.deepEqual(
      wishStatuses.filter((s) => isPublicWish(s)),
      ['open', 'claimed', 'fulfilled', 'thanked'],
    );
    assert.deepEqual(wishMachine.from('release'), ['claimed']);
    assert.equal(wishMachine.next(undefined, 'submit'), 'pending_review');
  });
});
