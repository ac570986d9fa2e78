"""E-mails of the consultations: the author of a remark is told when its official answer is published."""

from ezabrze.ngo import _
from ezabrze.ngo import mail
from ezabrze.ngo.consultations import notifications
from ezabrze.ngo.consultations.vocabularies import VERDICTS


VERDICT_TITLES = dict(VERDICTS)


def answer_published(consultation, remark):
    if notifications.author_opted_out(remark.author_userid):
        return None
    to = mail.user_email(remark.author_userid)
    answer = remark.answer
    subject = mail.t(_("Answer to your remark: ${consultation}"), {"consultation": consultation.title})
    body = mail.t(
        _(
            "mail_answer_published",
            default=(
                "Good day,\n\nthe City Hall has answered your remark in the consultation \"${consultation}\".\n\n"
                "Answer: ${verdict}\nReasoning: ${reasoning}\n\nAll remarks and answers:\n${url}\n\n"
                "Urząd Miejski w Zabrzu"
            ),
        ),
        {
            "consultation": consultation.title,
            "verdict": mail.t(VERDICT_TITLES[answer["verdict"]]),
            "reasoning": answer["reasoning"],
            "url": f"{consultation.absolute_url()}/@@uwagi",
        },
    )
    footer = mail.t(_("To stop these e-mails open: ${url}"),
                    {"url": notifications.author_unsubscribe_url(remark.author_userid)})
    return mail.message(to, subject, body + "\n\n--\n" + footer)


def notify_answers(consultation, remarks):
    mail.send_after_commit(*(answer_published(consultation, remark) for remark in remarks))
