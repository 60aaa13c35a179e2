"""Follow-up work on stored inbound items: language, spam score, acknowledgement."""

from celery import shared_task

from engagements.services import job_run_record
from inbox.services import inbound_process, inbound_sweep

__all__ = ["process_inbound_item", "sweep_unprocessed"]


@shared_task(name="inbox.intake.tasks.process_inbound_item")
def process_inbound_item(item_id: int) -> bool:
    """Queued on commit by the request that stored the item; safe to run twice."""
    return inbound_process(item_id=item_id)


@shared_task(name="inbox.intake.tasks.sweep_unprocessed")
def sweep_unprocessed() -> int:
    """Every 2 minutes: finish the items whose task was never queued or failed."""
    processed = inbound_sweep()
    job_run_record("sweep_unprocessed")
    return processed
